// Starts the three servers the benchmark talks to, each a workerd process through the Miniflare API
// (not `wrangler dev`, whose proxy layer caps throughput): the mock provider, the bare pass-through
// Worker, Iron's gateway Worker (D1 migrated, demo agent seeded) and a budget-DO bench Worker.
import { build } from "esbuild";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startMockProvider } from "../../mock-provider/serve.mjs";

export const root = fileURLToPath(new URL("../../", import.meta.url));
const COMPAT = { compatibilityDate: "2026-11-01", compatibilityFlags: ["nodejs_compat"] };
const b64url = (n) => randomBytes(n).toString("base64url");

/** Bundles a Worker entry (TS or JS) into one ES module the way wrangler would. */
export async function bundle(entry) {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    mainFields: ["module", "main"],
    conditions: ["workerd", "worker", "browser", "import", "default"],
    external: ["cloudflare:*", "node:*", "fs", "path"],
    write: false,
    logLevel: "error",
  });
  return result.outputFiles[0].text;
}

/** `[vars]` of wrangler.toml (flat `KEY = "value"` lines), so the bench runs the configured values. */
function wranglerVars() {
  const toml = readFileSync(join(root, "wrangler.toml"), "utf8");
  const section = /^\[vars\]\s*$([\s\S]*?)(?=^\[)/m.exec(toml)?.[1] ?? "";
  return Object.fromEntries([...section.matchAll(/^(\w+)\s*=\s*"([^"]*)"/gm)].map((m) => [m[1], m[2]]));
}

/** workerd log lines: errors and warnings are printed, everything else is only counted. */
function logSink(counts) {
  return ({ level, message }) => {
    if (message.includes('"event":"iron.request"')) counts.auditLines++;
    else if (level === "error" || level === "warn") console.error(`  [workerd ${level}] ${message.slice(0, 300)}`);
  };
}

async function startWorker(name, script, extra) {
  const mf = new Miniflare(
    convertV4MiniflareOptions({ name, modules: true, script, scriptPath: `${name}.mjs`, ...COMPAT, host: "127.0.0.1", port: 0, ...extra }),
  );
  const url = (await mf.ready).href.replace(/\/$/, "");
  return { mf, url };
}

/** Runs every `d1-migrations/*.sql` file in order, one statement at a time. */
async function migrate(mf) {
  const db = await mf.getD1Database("DB");
  for (const file of readdirSync(join(root, "d1-migrations")).filter((f) => f.endsWith(".sql")).sort()) {
    const sql = readFileSync(join(root, "d1-migrations", file), "utf8").replace(/--.*$/gm, "");
    for (const statement of sql.split(/;\s*$/m).map((s) => s.trim()).filter(Boolean)) await db.prepare(statement).run();
  }
  return db;
}

export async function startStack({ log = console.log, inspectorPort } = {}) {
  const counts = { auditLines: 0 };
  const handleStructuredLogs = logSink(counts);
  const mock = await startMockProvider({ port: 0 });
  log(`  mock provider     ${mock.url}`);

  const passthrough = await startWorker("bench-passthrough", readFileSync(join(root, "bench/workers/passthrough.mjs"), "utf8"), {
    bindings: { UPSTREAM_URL: mock.url, UPSTREAM_KEY: "sk-bench-passthrough" },
    handleStructuredLogs,
  });
  log(`  pass-through      ${passthrough.url}`);

  const seedKey = b64url(24);
  const gateway = await startWorker("iron-gateway", await bundle("src/index.ts"), {
    d1Databases: ["DB"],
    kvNamespaces: ["CACHE"],
    durableObjects: { AGENT_BUDGET: { className: "AgentBudget", useSQLite: true } },
    bindings: { ...wranglerVars(), IRON_ENV: "development", IRON_MASTER_KEY: b64url(32), IRON_DEV_SEED_KEY: seedKey },
    handleStructuredLogs,
    ...(inspectorPort === undefined ? {} : { inspectorPort }),
  });
  const db = await migrate(gateway.mf);
  log(`  iron gateway      ${gateway.url}`);

  const seedStarted = performance.now();
  const res = await fetch(`${gateway.url}/__dev/seed`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-iron-dev-seed-key": seedKey },
    body: JSON.stringify({ mock_url: mock.url, budget_usd: 1_000_000 }),
  });
  if (!res.ok) throw new Error(`seeding the gateway failed: ${res.status} ${await res.text()}`);
  const seeded = await res.json();
  const seedMs = performance.now() - seedStarted;

  const budget = await startWorker("bench-budget", await bundle("bench/workers/budget.mjs"), {
    d1Databases: ["DB"],
    durableObjects: { AGENT_BUDGET: { className: "AgentBudget", useSQLite: true } },
    handleStructuredLogs,
  });
  log(`  budget bench      ${budget.url}`);

  const dispose = async () => {
    for (const s of [budget, gateway, passthrough]) await s.mf.dispose().catch(() => {});
    await mock.dispose().catch(() => {});
  };
  return { mock, passthrough, gateway, budget, db, token: seeded.token, agentId: seeded.agent.id, seedMs, counts, dispose };
}
