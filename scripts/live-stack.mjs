#!/usr/bin/env node
// A throwaway live stack for end-to-end tests (CLI, Python SDK, dashboard): the mock provider and `wrangler dev` on
// free ports, with D1/KV/DO state and secrets in a temporary directory, migrations applied, and a known admin login.
//
//   import { startLiveStack } from "../scripts/live-stack.mjs";   // → { url, mockUrl, admin, seedKey, stop() }
//   node scripts/live-stack.mjs [--seed]                          // prints one JSON line when ready; stops on SIGTERM
//                                                                 // or when stdin closes (so a dying parent ends it)
// With --seed (or { seed: true }) it also creates the demo providers (pointing at the mock) and a $5 demo agent, and
// adds { agent_id, agent_token } to the result.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startMockProvider } from "../mock-provider/serve.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
    srv.on("error", reject);
  });
}

/** @param {{ seed?: boolean, vars?: Record<string, string>, budgetUsd?: number }} [options] */
export async function startLiveStack(options = {}) {
  const state = mkdtempSync(join(tmpdir(), "iron-live-"));
  const admin = { email: "admin@iron.local", password: randomBytes(18).toString("base64url") };
  const b64 = () => randomBytes(32).toString("base64url");
  const seedKey = b64();
  const vars = { IRON_ENV: "development", IRON_MASTER_KEY: b64(), IRON_DEV_SEED_KEY: seedKey, IRON_JWT_SECRET: b64() + b64(), IRON_ADMIN_EMAIL: admin.email, IRON_ADMIN_PASSWORD: admin.password, ...options.vars };
  const varsFile = join(state, "dev.vars");
  writeFileSync(varsFile, Object.entries(vars).map(([k, v]) => `${k}="${v}"`).join("\n") + "\n", { mode: 0o600 });
  // wrangler needs Node >= 22.12: run its entry with this Node, and put this Node first on PATH for its children.
  const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ""}`, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
  const wranglerJs = join(ROOT, "node_modules", "wrangler", "bin", "wrangler.js");
  const persist = join(state, "wrangler");
  const migrate = spawnSync(process.execPath, [wranglerJs, "d1", "migrations", "apply", "DB", "--local", "--persist-to", persist], { cwd: ROOT, env, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(`live-stack: migrations failed:\n${migrate.stderr}`);
  const mock = await startMockProvider({ port: await freePort() });
  const port = await freePort();
  const args = [wranglerJs, "dev", "--port", String(port), "--ip", "127.0.0.1", "--persist-to", persist, "--env-file", varsFile, "--show-interactive-dev-session=false", "--inspector-port", String(await freePort())];
  const wrangler = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"], detached: true });
  let log = "";
  wrangler.stderr.on("data", (d) => (log = (log + d).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const exited = wrangler.exitCode !== null || wrangler.signalCode !== null ? Promise.resolve() : new Promise((r) => wrangler.once("exit", r));
    if (wrangler.pid) try { process.kill(-wrangler.pid, "SIGTERM"); } catch { /* already gone */ }
    // workerd writes its last SQLite pages while it stops: wait for it (then kill the group) before deleting state.
    const late = setTimeout(() => { if (wrangler.pid) try { process.kill(-wrangler.pid, "SIGKILL"); } catch { /* gone */ } }, 5_000);
    await exited;
    clearTimeout(late);
    await new Promise((r) => setTimeout(r, 200));
    await mock.dispose();
    rmSync(state, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  try {
    await waitForHealth(url, () => log);
    const result = { url, mockUrl: mock.url, admin, seedKey, stop };
    if (!options.seed) return result;
    const res = await fetch(`${url}/__dev/seed`, { method: "POST", headers: { "content-type": "application/json", "x-iron-dev-seed-key": seedKey }, body: JSON.stringify({ mock_url: mock.url, budget_usd: options.budgetUsd ?? 5 }) });
    if (!res.ok) throw new Error(`live-stack: seeding failed: ${res.status} ${await res.text()}`);
    const seeded = await res.json();
    return { ...result, agentId: seeded.agent.id, agentToken: seeded.token };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitForHealth(url, log) {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch { /* not up yet */ }
    if (i > 900) throw new Error(`live-stack: wrangler dev did not come up:\n${log()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const stack = await startLiveStack({ seed: process.argv.includes("--seed") });
  const { stop, ...info } = stack;
  const end = async () => {
    await stop();
    process.exit(0);
  };
  process.on("SIGTERM", end);
  process.on("SIGINT", end);
  process.stdin.on("end", end);
  process.stdin.on("close", end);
  process.stdin.resume();
  process.stdout.write(JSON.stringify({ url: info.url, mock_url: info.mockUrl, admin: info.admin, seed_key: info.seedKey, agent_id: info.agentId ?? null, agent_token: info.agentToken ?? null }) + "\n");
}
