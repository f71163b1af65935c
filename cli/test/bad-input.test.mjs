// Bad input gives a one-line error on stderr and the documented exit code; the session refresh against a fake server.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { test } from "node:test";
import { iron, tempConfig } from "./helpers.mjs";

const oneLine = (r) => assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);

test("unknown flag → 2", async () => {
  const r = await iron(["agents", "list", "--bogus"]);
  assert.equal(r.code, 2);
  oneLine(r);
  assert.match(r.stderr, /unknown option --bogus/);
});

test("missing argument → 2", async () => {
  const r = await iron(["agents", "get"]);
  assert.equal(r.code, 2);
  oneLine(r);
  assert.match(r.stderr, /missing <id>/);
});

test("unknown command, bad enum, bad amount, bad output → 2", async () => {
  for (const args of [["frobnicate"], ["agents", "list", "--status", "sleeping"], ["agents", "create", "--name", "x", "--budget", "lots"], ["agents", "list", "-o", "xml"]]) {
    const r = await iron(args, { env: { IRON_URL: "http://127.0.0.1:9" } });
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    oneLine(r);
  }
});

test("a provider key as an argument is refused → 2", async () => {
  const r = await iron(["providers", "add", "--name", "p", "--kind", "openai", "--api-key", "sk-secret"]);
  assert.equal(r.code, 2);
  oneLine(r);
  assert.match(r.stderr, /--key-stdin/);
});

test("bad server URL → 2; unreachable server → 1", async () => {
  const bad = await iron(["login", "not a url", "--token", "apitok_x"], { env: { IRON_CONFIG_DIR: tempConfig() } });
  assert.equal(bad.code, 2);
  oneLine(bad);
  const down = await iron(["agents", "list"], { env: { IRON_URL: "http://127.0.0.1:9", IRON_TOKEN: "apitok_x" } });
  assert.equal(down.code, 1);
  oneLine(down);
  assert.match(down.stderr, /cannot reach/);
});

test("a bad server URL in --url or IRON_URL → 2, before any request", async () => {
  for (const env of [{ IRON_URL: "not a url" }, { IRON_URL: "ftp://iron.example.com" }, {}]) {
    const args = env.IRON_URL ? ["agents", "list"] : ["agents", "list", "--url", "iron.example.com"];
    const r = await iron(args, { env: { ...env, IRON_TOKEN: "apitok_x" } });
    assert.equal(r.code, 2, `${JSON.stringify(env)}: ${r.stderr}`);
    oneLine(r);
    assert.match(r.stderr, /bad server URL/);
  }
});

test("IRON_TOKEN with an agent token (ic_…): whoami says it is not a control-API token → 3", async () => {
  const r = await iron(["whoami"], { env: { IRON_URL: "http://127.0.0.1:9", IRON_TOKEN: "ic_Jxha0rjhDe3ccl7DLGAufquZNw98oDSkg6XO4ivADri0lZigr" } });
  assert.equal(r.code, 3, r.stderr);
  oneLine(r);
  assert.match(r.stderr, /IRON_TOKEN holds an agent token \(ic_…\), not a control-API token/);
  assert.match(r.stderr, /only work on the gateway/);
  assert.doesNotMatch(r.stderr, /Jxha0rjh/, "the token itself is never printed");
  const junk = await iron(["agents", "list"], { env: { IRON_URL: "http://127.0.0.1:9", IRON_TOKEN: "nonsense" } });
  assert.equal(junk.code, 3, junk.stderr);
  assert.match(junk.stderr, /IRON_TOKEN is not a control-API token/);
});

test("audit tail and tail: bad flags → 2", async () => {
  for (const args of [["audit", "tail", "--bogus"], ["audit", "tail", "--limit", "0"], ["audit", "tail", "--interval", "soon"], ["tail"], ["tail", "--wrangler", "--bogus"]]) {
    const r = await iron(args, { env: { IRON_URL: "http://127.0.0.1:9", IRON_TOKEN: "apitok_x" } });
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    oneLine(r);
  }
});

test("not logged in → 3", async () => {
  const r = await iron(["agents", "list"], { env: { IRON_CONFIG_DIR: tempConfig(), IRON_URL: "http://127.0.0.1:9" } });
  assert.equal(r.code, 3);
  oneLine(r);
});

/** A fake control API: access token "old" is expired; refresh with "r1" gives "new"; anything else is refused. */
async function fakeServer(refreshOk) {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      const send = (status, json) => {
        res.writeHead(status, { "content-type": "application/json", "x-request-id": "req_test" });
        res.end(JSON.stringify(json));
      };
      if (req.url === "/api/v1/auth/refresh") {
        if (refreshOk && JSON.parse(body).refresh_token === "r1") return send(200, { access_token: "a.new.jwt", access_token_expires_at: new Date(Date.now() + 600_000).toISOString(), refresh_token: "r2", refresh_token_expires_at: new Date(Date.now() + 86_400_000).toISOString(), token_type: "Bearer" });
        return send(401, { error: { code: "SESSION_EXPIRED", message: "The login session has expired." } });
      }
      if (req.url === "/api/v1/agents/agt_missing") return send(404, { error: { code: "NOT_FOUND", message: "No such agent." } });
      if (req.headers.authorization === "Bearer a.new.jwt") return send(200, { data: [{ id: "agt_1", name: "bot", status: "active", budget_usd: "25.000000" }], pagination: { next_cursor: null, limit: 50 } });
      return send(401, { error: { code: "TOKEN_EXPIRED", message: "The token has expired." } });
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

function saveSession(dir, url) {
  mkdirSync(dir, { recursive: true });
  // The access token looks fresh, so the client only learns it expired from the 401.
  writeFileSync(join(dir, "credentials.json"), JSON.stringify({ url, access_token: "a.old.jwt", access_token_expires_at: new Date(Date.now() + 600_000).toISOString(), refresh_token: "r1" }), { mode: 0o644 });
}

test("an expired access token is refreshed transparently; the new session is saved with 0600", async () => {
  const { server, url } = await fakeServer(true);
  try {
    const dir = tempConfig();
    saveSession(dir, url);
    const r = await iron(["agents", "list", "-q"], { env: { IRON_CONFIG_DIR: dir } });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), "agt_1");
    const saved = JSON.parse(readFileSync(join(dir, "credentials.json"), "utf8"));
    assert.equal(saved.refresh_token, "r2");
    assert.equal(statSync(join(dir, "credentials.json")).mode & 0o777, 0o600);
    const table = await iron(["agents", "list"], { env: { IRON_CONFIG_DIR: dir } });
    assert.match(table.stdout, /\$25\.00/);
  } finally {
    server.close();
  }
});

test("an expired session → 3 with a one-line error; not found → 4", async () => {
  const { server, url } = await fakeServer(false);
  try {
    const dir = tempConfig();
    saveSession(dir, url);
    const r = await iron(["agents", "list"], { env: { IRON_CONFIG_DIR: dir } });
    assert.equal(r.code, 3, r.stderr);
    oneLine(r);
    assert.match(r.stderr, /iron login/);
    const nf = await iron(["agents", "get", "agt_missing"], { env: { IRON_URL: url, IRON_TOKEN: "a.new.jwt", IRON_CONFIG_DIR: dir } });
    assert.equal(nf.code, 4, nf.stderr);
    oneLine(nf);
    assert.match(nf.stderr, /NOT_FOUND.*req_test/);
  } finally {
    server.close();
  }
});

test("help has examples; completion scripts for bash and zsh complete nouns, verbs and flags", async () => {
  const main = await iron(["--help"]);
  assert.equal(main.code, 0);
  assert.match(main.stdout, /Exit codes/);
  const cmd = await iron(["agents", "token", "regenerate", "--help"]);
  assert.match(cmd.stdout, /Examples:\n {2}iron agents token regenerate/);
  const bash = await iron(["completion", "bash"]);
  assert.equal(bash.code, 0);
  const complete = (words) => {
    const script = `${bash.stdout}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _iron; echo "\${COMPREPLY[*]}"`;
    const r = spawnSync("bash", ["-c", script], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim().split(" ");
  };
  assert.deepEqual(complete(["iron", "ag"]), ["agents"]);
  assert.deepEqual(complete(["iron", "agents", "token", ""]).sort(), ["regenerate", "revoke"]);
  assert.ok(complete(["iron", "limits", "set", "agt_1", "--b"]).includes("--budget"));
  assert.ok(complete(["iron", "audit", ""]).includes("tail"));
  const zsh = await iron(["completion", "zsh"]);
  assert.equal(zsh.code, 0);
  assert.match(zsh.stdout, /^#compdef iron/);
  assert.match(zsh.stdout, /compdef _iron iron/);
  assert.equal((await iron(["completion", "fish"])).code, 2);
});
