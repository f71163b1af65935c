// Unit tests of the CLI's terminal pieces (TypeScript modules bundled with esbuild): YAML output, the spinner, the
// no-echo prompt, help texts, and the rendering of Iron's `wrangler tail` log lines.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { test } from "node:test";
import yaml from "js-yaml";
import { CLI_DIR, loadTs } from "./helpers.mjs";

const m = await loadTs({
  toYaml: "src/yaml.ts",
  withSpinner: "src/spinner.ts",
  SPINNER_FRAMES: "src/spinner.ts",
  promptHidden: "src/input.ts",
  "commandHelp, specialHelp": "src/help.ts",
  "COMMANDS, SPECIAL_COMMANDS": "src/commands/index.ts",
  "ironLogLines, prettyIronLog": "src/wrangler-tail.ts",
});

test("YAML output reads back as the same JSON value (quoting money, times, keywords, colons, trailing spaces)", () => {
  const value = {
    id: "agt_1", budget_usd: "12.500000", at: "2026-01-15T10:20:30.041Z", yes: "yes", no: "No", nil: "null", tilde: "~", empty: "",
    url: "http://127.0.0.1:8787/v1", colon: "a: b", end: "ends:", hash: "a #b", trailing: "space ", leading: " space", quote: "it's \"x\"",
    lines: "one\ntwo", unicode: "ic_AbCd…", n: 0, f: 1.5, neg: -2, t: true, z: null, list: ["a", "1", { k: "v", nested: [] }, [1, [2]]],
    obj: {}, arr: [], "odd key": 1, "1st": 2, deep: { before: { rate_limits: { requests_per_minute: null } } },
  };
  assert.deepEqual(yaml.load(m.toYaml(value)), value);
  assert.deepEqual(yaml.load(m.toYaml([value, value])), [value, value]);
  assert.equal(m.toYaml("12.5"), '"12.5"');
});

/** A stand-in for stderr: a TTY or not, recording what is written. */
const fakeStderr = (isTTY) => ({ isTTY, text: "", write(s) { this.text += s; } });
const slow = (ms, value) => () => new Promise((r) => setTimeout(() => r(value), ms));

test("spinner: drawn on a terminal for slow calls and erased; never when not a terminal, when disabled, or for fast calls", async () => {
  const tty = fakeStderr(true);
  assert.equal(await m.withSpinner("Listing agents", true, slow(700, 42), tty), 42);
  assert.ok(m.SPINNER_FRAMES.some((f) => tty.text.includes(`\r${f} Listing agents`)), JSON.stringify(tty.text));
  assert.ok(tty.text.endsWith("\r\x1b[2K"), "erased when done");
  for (const [stream, enabled, ms] of [[fakeStderr(false), true, 700], [fakeStderr(true), false, 700], [fakeStderr(true), true, 50]]) {
    assert.equal(await m.withSpinner("x", enabled, slow(ms, 1), stream), 1);
    assert.equal(stream.text, "");
  }
  const failing = fakeStderr(true);
  await assert.rejects(m.withSpinner("x", true, () => new Promise((_, reject) => setTimeout(() => reject(new Error("boom")), 500)), failing), /boom/);
  assert.ok(failing.text.endsWith("\r\x1b[2K"), "erased after a failure too");
});

test("the password prompt does not echo what is typed; without a terminal it refuses (use --…-stdin)", async () => {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  let shown = "";
  const output = new Writable({ write(chunk, _enc, done) { shown += chunk; done(); } });
  const answer = m.promptHidden("Password: ", { input, output });
  for (const ch of "s3cret-Pa55word") input.write(ch);
  input.write("\r");
  assert.equal(await answer, "s3cret-Pa55word");
  assert.equal(shown, "Password: \n");
  const notTty = Object.assign(new PassThrough(), { isTTY: false });
  await assert.rejects(m.promptHidden("Password: ", { input: notTty, output }), (e) => e.exit === 2 && /no terminal/.test(e.message));
});

test("every command's help has usage and examples that run that command", () => {
  for (const c of m.COMMANDS) {
    const help = m.commandHelp(c);
    assert.match(help, new RegExp(`Usage: iron ${c.words.join(" ")}`), c.words.join(" "));
    const examples = help.split("Examples:\n")[1]?.split("\n\n")[0] ?? "";
    assert.ok(examples.split("\n").every((e) => e.includes(`iron ${c.words.join(" ")}`)), `${c.words.join(" ")}: ${examples}`);
  }
  for (const c of m.SPECIAL_COMMANDS) assert.match(m.specialHelp(c.words), /Examples:\n {2}\S/, c.words.join(" "));
});

const fixture = readFileSync(join(CLI_DIR, "test/fixtures/wrangler-tail.json"), "utf8");
const events = fixture.split(/\n(?=\{)/).map((e) => JSON.parse(e));

test("the recorded wrangler tail sample has Iron's request log line shape (src/audit/request-record.ts)", () => {
  const source = readFileSync(join(CLI_DIR, "../src/audit/request-record.ts"), "utf8");
  const columns = [...source.match(/const COLUMNS[^=]*= \[([^\]]*)\]/)[1].matchAll(/"([a-z_]+)"/g)].map((x) => x[1]);
  assert.ok(columns.length > 20);
  const requests = events.flatMap((e) => m.ironLogLines(e)).filter((l) => l.record.event === "iron.request");
  assert.equal(requests.length, 2);
  for (const { record } of requests) assert.deepEqual(Object.keys(record).filter((k) => k !== "event").sort(), [...columns].sort());
});

test("ironLogLines keeps Iron's JSON lines with their time; prettyIronLog shows calls like `audit tail` (micros as USD)", () => {
  const lines = events.flatMap((e) => m.ironLogLines(e));
  assert.deepEqual(lines.map((l) => l.record.event), ["iron.request", "iron.audit", "iron.request", "iron.control_error"]);
  assert.equal(lines[0].at, "2026-01-15T10:20:30.041Z");
  const pretty = lines.map((l) => m.prettyIronLog(l));
  assert.match(pretty[0], /call .*req_01JH8Q3ZK4M2 agt_7Hq2LmN4pR gpt-4o-mini 200 ok \$0\.000150 41ms/);
  assert.match(pretty[1], /audit .*#42 agent\.create ok aud_01JH8Q40AB hash 9f2c1b7a5d3e8f60/);
  assert.match(pretty[2], /req_01JH8Q4BUDGT .* 402 refused \$0\.00 3ms/);
  assert.match(pretty[3], /iron\.control_error .*error=TypeError path=\/api\/v1\/agents\/agt_7Hq2LmN4pR/);
  assert.deepEqual(m.ironLogLines({ logs: [{ message: ["{not json"] }, { message: ['{"event":"other"}'] }] }), []);
});
