#!/usr/bin/env node
// Starts the whole local stack: mock provider, gateway (wrangler dev on embedded workerd storage),
// D1 migrations, demo data on first start, and the dashboard (built from dashboard/, served on its own port and
// allowed by IRON_DASHBOARD_ORIGINS). `npm start -- --fresh` starts from empty local state; `--no-dashboard` skips it.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startDashboardServer } from "../dashboard/scripts/serve.mjs";
import { startMockProvider } from "../mock-provider/serve.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const port = Number(option("port", process.env.IRON_PORT ?? "8787"));
const mockPort = Number(option("mock-port", process.env.IRON_MOCK_PORT ?? "8788"));
const dashboardPort = Number(option("dashboard-port", process.env.IRON_DASHBOARD_PORT ?? "8789"));
const withDashboard = !flag("no-dashboard");
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
const devVars = join(root, ".dev.vars");
const demoEnv = join(root, ".iron", "demo.env");

if (flag("fresh")) {
  rmSync(join(root, ".wrangler", "state"), { recursive: true, force: true });
  rmSync(join(root, ".iron"), { recursive: true, force: true });
  rmSync(devVars, { force: true });
  console.log("iron: --fresh: local state cleared");
}
if (!existsSync(devVars)) {
  // Local secrets only: a fresh master key and seed key, never committed (.dev.vars is git-ignored).
  const b64url = (bytes) => bytes.toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  writeFileSync(devVars, [`IRON_ENV="development"`, `IRON_MASTER_KEY="${b64url(randomBytes(32))}"`, `IRON_DEV_SEED_KEY="${b64url(randomBytes(24))}"`, ""].join("\n"), { mode: 0o600 });
  console.log("iron: created .dev.vars with a new local master key");
}
if (!/^IRON_JWT_SECRET=/m.test(readFileSync(devVars, "utf8"))) {
  // Signs control-panel access tokens locally; added to an existing .dev.vars too.
  appendFileSync(devVars, `IRON_JWT_SECRET="${randomBytes(32).toString("base64url")}"\n`);
}
ensureDashboardOrigins();
const admin = ensureLocalAdmin();
const seedKey = /IRON_DEV_SEED_KEY="([^"]+)"/.exec(readFileSync(devVars, "utf8"))?.[1] ?? "";

const migrate = spawnSync("wrangler", ["d1", "migrations", "apply", "DB", "--local"], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
if (migrate.status !== 0) {
  console.error(`iron: applying the D1 migrations failed${migrate.error ? ` (${migrate.error.message}: run this through \`npm start\`, which puts node_modules/.bin on PATH)` : ""}`);
  process.exit(migrate.status ?? 1);
}

const dashboardBuilt = withDashboard && buildDashboard();
const mock = await startMockProvider({ port: mockPort });
console.log(`iron: mock provider on ${mock.url}`);

// Its own process group, so stopping ends wrangler's node and workerd children too (a SIGTERM to this script alone
// would otherwise leave them running).
const wrangler = spawn("wrangler", ["dev", "--port", String(port), "--ip", "127.0.0.1", "--show-interactive-dev-session=false"], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"], detached: true });
// The mock's Miniflare exits the process on SIGINT/SIGTERM before our handler can run: end wrangler's group on exit.
const endWrangler = () => {
  try {
    process.kill(-wrangler.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
};
process.on("exit", endWrangler);
let dashboard = null;
const stop = async () => {
  endWrangler();
  setTimeout(() => process.exit(0), 3000).unref();
  await Promise.allSettled([dashboard?.close(), mock.dispose()]);
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
wrangler.on("exit", async (code) => {
  await dashboard?.close();
  await mock.dispose();
  process.exit(code ?? 1);
});

const gateway = `http://127.0.0.1:${port}`;
await waitFor(`${gateway}/health`);
const demo = await ensureDemo();
if (dashboardBuilt) dashboard = await startDashboardServer({ port: dashboardPort, api: gateway }).catch((error) => (console.warn(`iron: dashboard not served: ${error.message}`), null));
const adminCheck = await checkAdminLogin();
const line = "─".repeat(72);
console.log(`\n${line}\nIron Runtime is running (local, embedded storage; no Cloudflare account needed)\n`);
console.log(`  gateway (OpenAI/Anthropic compatible): ${gateway}/v1`);
console.log(`  mock provider:                          ${mock.url}`);
console.log(`  demo agent token ($5 budget):           ${demo.IRON_TOKEN}`);
console.log(`  control panel API:                      ${gateway}/api/v1  (OpenAPI: ${gateway}/api/v1/openapi.json)`);
if (dashboard) console.log(`  dashboard:                              ${dashboard.url}`);
console.log(`  dashboard / CLI login:                  ${admin.email}  /  ${admin.password}${adminCheck}`);
console.log(`  saved to .iron/demo.env (source it: set -a; . .iron/demo.env; set +a)\n`);
console.log(`  curl ${gateway}/v1/chat/completions \\\n    -H "Authorization: Bearer $IRON_TOKEN" -H "content-type: application/json" \\\n    -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hello"}]}'\n`);
console.log(`  // npm i openai\n  import OpenAI from "openai";\n  const client = new OpenAI({ baseURL: "${gateway}/v1", apiKey: process.env.IRON_TOKEN });\n  const r = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hello" }] });\n  console.log(r.choices[0].message.content);`);
console.log(`${line}\n`);

async function waitFor(url) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`iron: ${url} did not come up`);
}

async function ensureDemo() {
  if (existsSync(demoEnv)) {
    const saved = Object.fromEntries(readFileSync(demoEnv, "utf8").split("\n").filter((l) => l.includes("=")).map((l) => l.split(/=(.*)/s).slice(0, 2)));
    const check = await fetch(`${gateway}/v1/models`, { headers: { authorization: `Bearer ${saved.IRON_TOKEN}` } });
    if (check.ok) {
      // A demo.env from before the control panel had logins gets the admin's credentials added.
      if (saved.IRON_ADMIN_EMAIL !== admin.email || saved.IRON_ADMIN_PASSWORD !== admin.password) writeDemoEnv({ ...saved, IRON_ADMIN_EMAIL: admin.email, IRON_ADMIN_PASSWORD: admin.password });
      return saved;
    }
  }
  const res = await fetch(`${gateway}/__dev/seed`, { method: "POST", headers: { "content-type": "application/json", "x-iron-dev-seed-key": seedKey }, body: JSON.stringify({ mock_url: mock.url, budget_usd: 5 }) });
  if (!res.ok) throw new Error(`iron: seeding demo data failed: ${res.status} ${await res.text()}`);
  const seeded = await res.json();
  const values = {
    IRON_URL: gateway,
    IRON_GATEWAY_URL: `${gateway}/v1`,
    IRON_TOKEN: seeded.token,
    IRON_AGENT_ID: seeded.agent.id,
    OPENAI_BASE_URL: `${gateway}/v1`,
    ANTHROPIC_BASE_URL: gateway,
    IRON_ADMIN_EMAIL: admin.email,
    IRON_ADMIN_PASSWORD: admin.password,
  };
  writeDemoEnv(values);
  return values;
}

function writeDemoEnv(values) {
  mkdirSync(dirname(demoEnv), { recursive: true });
  writeFileSync(demoEnv, Object.entries(values).map(([k, v]) => `${k}=${v}`).join("\n") + "\n", { mode: 0o600 });
}

// The dashboard is a browser app on its own origin: the control API answers it only if that origin is listed in
// IRON_DASHBOARD_ORIGINS. Adds the local dashboard (and the Vite dev server, `npm run dev --prefix dashboard`) to the
// local .dev.vars, keeping any origins already there.
function ensureDashboardOrigins() {
  const text = readFileSync(devVars, "utf8");
  const current = /^IRON_DASHBOARD_ORIGINS="?([^"\n]*)"?\s*$/m.exec(text)?.[1] ?? "";
  const origins = current.split(",").map((o) => o.trim()).filter(Boolean);
  const wanted = [`http://127.0.0.1:${dashboardPort}`, `http://localhost:${dashboardPort}`, "http://127.0.0.1:5173"];
  const missing = wanted.filter((o) => !origins.includes(o));
  if (missing.length === 0) return;
  const line = `IRON_DASHBOARD_ORIGINS="${[...origins, ...missing].join(",")}"`;
  writeFileSync(devVars, /^IRON_DASHBOARD_ORIGINS=.*$/m.test(text) ? text.replace(/^IRON_DASHBOARD_ORIGINS=.*$/m, line) : `${text.replace(/\n*$/, "\n")}${line}\n`, { mode: 0o600 });
}

// Installs the dashboard's own dependencies on first use and builds it (about a second); a failure leaves the
// gateway running without the dashboard.
function buildDashboard() {
  const dir = join(root, "dashboard");
  const npm = (...a) => spawnSync("npm", [...a, "--prefix", dir], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] }).status === 0;
  if (!existsSync(join(dir, "node_modules", ".package-lock.json")) && !npm("ci", "--no-audit", "--no-fund")) return warnNoDashboard("npm ci --prefix dashboard failed");
  return npm("run", "build") || warnNoDashboard("npm run build --prefix dashboard failed");
}

function warnNoDashboard(why) {
  console.warn(`iron: ${why}; starting without the dashboard`);
  return false;
}

// The local control-panel admin: IRON_ADMIN_EMAIL / IRON_ADMIN_PASSWORD in .dev.vars (git-ignored), generated on
// first start — admin@iron.local with a random password, never a fixed default. The Worker creates the account from
// them on the first login while no admin exists (src/control/auth/ensure-first-admin.ts).
function ensureLocalAdmin() {
  let text = readFileSync(devVars, "utf8");
  const value = (name) => new RegExp(`^${name}="?([^"\\n]*)"?\\s*$`, "m").exec(text)?.[1] ?? "";
  const email = value("IRON_ADMIN_EMAIL") || "admin@iron.local";
  const password = value("IRON_ADMIN_PASSWORD") || randomBytes(18).toString("base64url");
  if (value("IRON_ADMIN_EMAIL") === email && value("IRON_ADMIN_PASSWORD") === password) return { email, password };
  text = text.replace(/^IRON_ADMIN_(EMAIL|PASSWORD)=.*\n?/gm, "");
  writeFileSync(devVars, `${text.replace(/\n*$/, "\n")}IRON_ADMIN_EMAIL="${email}"\nIRON_ADMIN_PASSWORD="${password}"\n`, { mode: 0o600 });
  console.log(`iron: added a local admin login (${email}) to .dev.vars`);
  return { email, password };
}

// Logs in once, which also creates the admin on a fresh database; says so when the saved credentials do not work
// (an admin already exists in the local state: use the earlier credentials, or start over with --fresh).
async function checkAdminLogin() {
  try {
    const res = await fetch(`${gateway}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: admin.email, password: admin.password }) });
    if (res.ok) return "";
    return `\n  (login refused: ${res.status}; an admin with other credentials exists in the local state — npm start -- --fresh resets it)`;
  } catch {
    return "";
  }
}
