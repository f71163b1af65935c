// End to end: the built CLI against a live local Worker (scripts/live-stack.mjs: wrangler dev with real HTTP and
// local D1/DO storage in a temporary directory, and the mock provider).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import yaml from "js-yaml";
import OpenAI from "openai";
import { startLiveStack } from "../../scripts/live-stack.mjs";
import { BIN, iron, loadTs, tempConfig } from "./helpers.mjs";

let stack;
let env;
const shared = {};

before(async () => {
  stack = await startLiveStack();
  env = { IRON_CONFIG_DIR: tempConfig() };
}, { timeout: 300_000 });

after(async () => {
  await stack?.stop();
});

const ok = (r) => {
  assert.equal(r.code, 0, `exit ${r.code}: ${r.stderr}`);
  return r;
};
const json = async (args) => JSON.parse(ok(await iron([...args, "-o", "json"], { env })).stdout);
const sameAsYaml = async (args) => assert.deepEqual(yaml.load(ok(await iron([...args, "-o", "yaml"], { env })).stdout), await json(args), args.join(" "));

test("login → provider → agent → budget → openai call → usage and audit show it", { timeout: 600_000 }, async () => {
  const { url, mockUrl, admin } = stack;
  ok(await iron(["login", url, "--email", admin.email, "--password-stdin"], { env, input: admin.password + "\n" }));
  const credFile = join(env.IRON_CONFIG_DIR, "credentials.json");
  assert.equal(statSync(credFile).mode & 0o777, 0o600);
  assert.match(ok(await iron(["whoami"], { env })).stdout, /admin@iron\.local/);

  // The key comes from stdin only; never an argument.
  const refused = await iron(["providers", "add", "--name", "mock", "--kind", "openai", "--api-key", "sk-x"], { env });
  assert.equal(refused.code, 2);
  const provider = ok(await iron(["providers", "add", "--name", "mock-openai", "--kind", "openai", "--base-url", `${mockUrl}/v1`, "--key-stdin", "-q"], { env, input: "sk-test-0123456789\n" })).stdout.trim();
  assert.match(provider, /^prov_/);

  const created = await json(["agents", "create", "--name", "cli-e2e", "--budget", "25", "--providers", provider]);
  assert.match(created.token, /^ic_/);
  const agent = created.id;
  shared.agentToken = created.token;

  // --quiet gives the ids of -o json; -o yaml reads back as the same value.
  const listed = await json(["agents", "list"]);
  assert.equal(ok(await iron(["agents", "list", "-q"], { env })).stdout, listed.data.map((a) => a.id).join("\n") + "\n");
  await sameAsYaml(["agents", "get", agent]);
  await sameAsYaml(["providers", "list"]);

  const lowered = await iron(["limits", "set", agent, "--budget", "10"], { env });
  assert.equal(lowered.code, 5, lowered.stderr); // a decrease needs --force
  ok(await iron(["limits", "set", agent, "--budget", "40"], { env }));
  assert.match(ok(await iron(["limits", "get", agent, "-o", "json"], { env })).stdout, /"40(\.0+)?"/);

  const client = new OpenAI({ baseURL: `${url}/v1`, apiKey: created.token });
  const reply = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hello" }] });
  assert.ok(reply.choices[0]?.message?.content);

  // The call is recorded after the answer (waitUntil): poll briefly.
  let calls;
  for (let i = 0; i < 50; i++) {
    calls = await json(["calls", "list", "--agent", agent]);
    if (calls.data.length > 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.equal(calls.data.length, 1);
  const usage = await json(["usage", "--by", "agent", "--period", "today"]);
  assert.ok(usage.groups.some((g) => g.key === agent && g.requests === 1), JSON.stringify(usage));
  await sameAsYaml(["usage", "--by", "agent", "--period", "today"]);
  const audit = await json(["audit", "list", "--action", "agent."]);
  assert.ok(audit.data.some((r) => r.target?.id === agent));
  await sameAsYaml(["audit", "list", "--limit", "30"]);
  const tail = ok(await iron(["audit", "tail"], { env })).stdout;
  assert.match(tail, /call/);
  ok(await iron(["audit", "verify"], { env }));

  // The agent token was shown once and never stored.
  assert.ok(!readFileSync(credFile, "utf8").includes(created.token));
});

test("IRON_TOKEN with the agent token: ignored next to a saved login (with a note); alone, whoami → 3", async () => {
  const withLogin = ok(await iron(["whoami"], { env: { ...env, IRON_TOKEN: shared.agentToken } }));
  assert.match(withLogin.stdout, /admin@iron\.local/);
  assert.match(withLogin.stderr, /IRON_TOKEN holds an agent token/);
  const alone = await iron(["whoami"], { env: { IRON_URL: stack.url, IRON_TOKEN: shared.agentToken } });
  assert.equal(alone.code, 3, alone.stderr);
  assert.equal(alone.stderr.trim().split("\n").length, 1);
  assert.match(alone.stderr, /agent token \(ic_…\), not a control-API token/);
});

/** `iron audit tail --follow` as a child; its stdout lines as parsed JSON, as they arrive. */
function follow() {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("IRON_")));
  const child = spawn(process.execPath, [BIN, "audit", "tail", "--follow", "--interval", "0.3", "--limit", "5", "-o", "json"], { env: { ...base, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const lines = [];
  let rest = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    const parts = (rest + d).split("\n");
    rest = parts.pop() ?? "";
    lines.push(...parts.map((l) => JSON.parse(l)));
  });
  child.stderr.on("data", (d) => (stderr += d));
  const waitFor = async (what, pred) => {
    for (let i = 0; i < 150; i++) {
      const hit = lines.find(pred);
      if (hit) return hit;
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail(`audit tail --follow never showed ${what}; got ${lines.length} lines; stderr: ${stderr}`);
  };
  return { child, lines, waitFor };
}

test("audit tail --follow shows a change and an agent call made after it started; it stops when killed", { timeout: 120_000 }, async () => {
  const f = follow();
  try {
    await f.waitFor("the recent records", () => true);
    const before = f.lines.length;
    const project = ok(await iron(["projects", "create", "--name", "followed", "--budget", "100", "-q"], { env })).stdout.trim();
    const record = await f.waitFor(`project.create of ${project}`, (l) => l.kind === "audit" && l.target?.id === project);
    assert.equal(record.action, "project.create");
    assert.ok(f.lines.indexOf(record) >= before, "it is a new line, not one of the recent records");
    const client = new OpenAI({ baseURL: `${stack.url}/v1`, apiKey: shared.agentToken });
    await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "followed call" }] });
    const call = await f.waitFor("the agent call", (l) => l.kind === "call" && f.lines.indexOf(l) >= before);
    assert.equal(call.outcome, "ok");
  } finally {
    f.child.kill("SIGTERM");
  }
  const [code, signal] = await new Promise((r) => (f.child.exitCode !== null ? r([f.child.exitCode, null]) : f.child.on("exit", (c, s) => r([c, s]))));
  assert.ok(signal === "SIGTERM" || code !== null, "it ended");
});

test("the shared typed client against the live Worker: login, typed answers, ApiError with the request id", async () => {
  const { createControlClient, ApiError } = await loadTs({ "createControlClient, ApiError": "../client/src/index.ts" });
  let token = null;
  const client = createControlClient({ baseUrl: stack.url, getToken: () => token });
  const session = await client.call("login", { body: { email: stack.admin.email, password: stack.admin.password } });
  token = session.access_token;
  assert.equal(session.user.role, "admin");
  const me = await client.call("getMe");
  assert.deepEqual([me.email, me.via], [stack.admin.email, "session"]);
  const missing = await client.call("getAgent", { params: { id: "agt_doesnotexist" } }).catch((e) => e);
  assert.ok(missing instanceof ApiError);
  assert.equal(missing.status, 404);
  assert.equal(missing.code, "NOT_FOUND");
  assert.match(missing.requestId, /^req_/);
});

test("logout: the saved login is gone (→ 3) and the old access token is refused (→ 3), each one line", async () => {
  const saved = JSON.parse(readFileSync(join(env.IRON_CONFIG_DIR, "credentials.json"), "utf8"));
  ok(await iron(["logout"], { env }));
  const gone = await iron(["agents", "list"], { env });
  assert.equal(gone.code, 3);
  assert.equal(gone.stderr.trim().split("\n").length, 1);
  const revoked = await iron(["agents", "list"], { env: { IRON_URL: stack.url, IRON_TOKEN: saved.access_token } });
  assert.equal(revoked.code, 3, revoked.stderr);
  assert.equal(revoked.stderr.trim().split("\n").length, 1);
  assert.match(revoked.stderr, /iron login/);
});
