// End to end: the built CLI against a live local Worker (wrangler dev, real HTTP, local D1/DO storage in a
// temporary directory) and the mock provider.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import OpenAI from "openai";
import { startMockProvider } from "../../mock-provider/serve.mjs";
import { CLI_DIR, freePort, iron, tempConfig } from "./helpers.mjs";

const ROOT = join(CLI_DIR, "..");
let state, wrangler, mock, url, env;
const admin = { email: "admin@iron.local", password: randomBytes(18).toString("base64url") };

before(async () => {
  state = mkdtempSync(join(tmpdir(), "iron-cli-e2e-"));
  const vars = join(state, "dev.vars");
  const b64 = () => randomBytes(32).toString("base64url");
  writeFileSync(vars, [`IRON_ENV="development"`, `IRON_MASTER_KEY="${b64()}"`, `IRON_DEV_SEED_KEY="${b64()}"`, `IRON_JWT_SECRET="${b64()}${b64()}"`, `IRON_ADMIN_EMAIL="${admin.email}"`, `IRON_ADMIN_PASSWORD="${admin.password}"`, ""].join("\n"));
  // wrangler needs Node >= 22.12: run its entry with this Node, and put this Node first on PATH for its children.
  const wenv = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}`, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
  const wr = process.execPath;
  const wrJs = join(ROOT, "node_modules", "wrangler", "bin", "wrangler.js");
  const migrate = spawnSync(wr, [wrJs, "d1", "migrations", "apply", "DB", "--local", "--persist-to", join(state, "wrangler")], { cwd: ROOT, env: wenv, encoding: "utf8" });
  assert.equal(migrate.status, 0, migrate.stderr);
  mock = await startMockProvider({ port: await freePort() });
  const port = await freePort();
  wrangler = spawn(wr, [wrJs, "dev", "--port", String(port), "--ip", "127.0.0.1", "--persist-to", join(state, "wrangler"), "--env-file", vars, "--show-interactive-dev-session=false", "--inspector-port", String(await freePort())], { cwd: ROOT, env: wenv, stdio: ["ignore", "ignore", "pipe"], detached: true });
  let log = "";
  wrangler.stderr.on("data", (d) => (log += d));
  url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {}
    if (i > 900) throw new Error(`wrangler dev did not come up:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  env = { IRON_CONFIG_DIR: tempConfig() };
});

after(async () => {
  if (wrangler?.pid) try { process.kill(-wrangler.pid, "SIGTERM"); } catch {}
  await mock?.dispose();
  if (state) rmSync(state, { recursive: true, force: true });
});

const ok = (r) => {
  assert.equal(r.code, 0, `exit ${r.code}: ${r.stderr}`);
  return r;
};

test("login → provider → agent → budget → openai call → usage and audit show it", { timeout: 600_000 }, async () => {
  ok(await iron(["login", url, "--email", admin.email, "--password-stdin"], { env, input: admin.password + "\n" }));
  const credFile = join(env.IRON_CONFIG_DIR, "credentials.json");
  assert.equal(statSync(credFile).mode & 0o777, 0o600);
  assert.match(ok(await iron(["whoami"], { env })).stdout, /admin@iron\.local/);

  // The key comes from stdin only; never an argument.
  const refused = await iron(["providers", "add", "--name", "mock", "--kind", "openai", "--api-key", "sk-x"], { env });
  assert.equal(refused.code, 2);
  const provider = ok(await iron(["providers", "add", "--name", "mock-openai", "--kind", "openai", "--base-url", `${mock.url}/v1`, "--key-stdin", "-q"], { env, input: "sk-test-0123456789\n" })).stdout.trim();
  assert.match(provider, /^prov_/);

  const created = JSON.parse(ok(await iron(["agents", "create", "--name", "cli-e2e", "--budget", "25", "--providers", provider, "-o", "json"], { env })).stdout);
  assert.match(created.token, /^ic_/);
  const agent = created.id;

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
    calls = JSON.parse(ok(await iron(["calls", "list", "--agent", agent, "-o", "json"], { env })).stdout);
    if (calls.data.length > 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.equal(calls.data.length, 1);
  const usage = JSON.parse(ok(await iron(["usage", "--by", "agent", "--period", "today", "-o", "json"], { env })).stdout);
  assert.ok(usage.groups.some((g) => g.key === agent && g.requests === 1), JSON.stringify(usage));
  const audit = ok(await iron(["audit", "list", "--action", "agent.", "-o", "json"], { env }));
  assert.ok(JSON.parse(audit.stdout).data.some((r) => r.target?.id === agent));
  const tail = ok(await iron(["audit", "tail"], { env })).stdout;
  assert.match(tail, /call/);
  ok(await iron(["audit", "verify"], { env }));

  // The agent token was shown once and never stored.
  const { readFileSync } = await import("node:fs");
  assert.ok(!readFileSync(credFile, "utf8").includes(created.token));

  ok(await iron(["logout"], { env }));
  const after = await iron(["agents", "list"], { env });
  assert.equal(after.code, 3);
  assert.equal(after.stderr.trim().split("\n").length, 1);
});
