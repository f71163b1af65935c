// Starts the three servers the benchmark talks to, each a workerd process through the Miniflare API
// (not `wrangler dev`, whose proxy layer caps throughput): the mock provider, the bare pass-through
// Worker, Iron's gateway Worker (D1 migrated, demo agent seeded; with a bench-only probe Worker sharing its
// AgentBudget namespace) and a budget-DO bench Worker (D1 migrated too: the DO delivers its outbox there).
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
const GATEWAY = "iron-gateway"; // also the inspector target name bench/profile.mjs attaches to
const PROBE = "bench-gateway-probe";

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

const workerOptions = (name, script, extra) => ({ name, modules: true, script, scriptPath: `${name}.mjs`, ...COMPAT, ...extra });

/**
 * One workerd process through Miniflare. `extra` holds the Worker's own options plus the shared ones
 * (`handleStructuredLogs`, `inspectorPort`); `siblings` are more Workers in the same process (not routed:
 * reached with `mf.getWorker(name)`). The first Worker answers on the returned URL.
 */
async function startWorker(name, script, { handleStructuredLogs, inspectorPort, ...extra }, siblings = []) {
  const shared = { host: "127.0.0.1", port: 0, handleStructuredLogs, ...(inspectorPort === undefined ? {} : { inspectorPort }) };
  const worker = workerOptions(name, script, extra);
  const mf = new Miniflare(convertV4MiniflareOptions(siblings.length === 0 ? { ...shared, ...worker } : { ...shared, workers: [worker, ...siblings] }));
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
  // The gateway, plus a bench-only probe Worker in the same process bound to the gateway's AGENT_BUDGET
  // namespace (workers/gateway-probe.mjs): it flushes an agent's DO outbox and reads its deliveryStats().
  const gateway = await startWorker(
    GATEWAY,
    await bundle("src/index.ts"),
    {
      d1Databases: ["DB"],
      kvNamespaces: ["CACHE"],
      durableObjects: {
        AGENT_BUDGET: { className: "AgentBudget", useSQLite: true },
        PROJECT_BUDGET: { className: "ProjectBudget", useSQLite: true },
      },
      bindings: { ...wranglerVars(), IRON_ENV: "development", IRON_MASTER_KEY: b64url(32), IRON_DEV_SEED_KEY: seedKey },
      handleStructuredLogs,
      inspectorPort,
    },
    [
      workerOptions(PROBE, readFileSync(join(root, "bench/workers/gateway-probe.mjs"), "utf8"), {
        durableObjects: { AGENT_BUDGET: { className: "AgentBudget", scriptName: GATEWAY } },
      }),
    ],
  );
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
  await migrate(budget.mf); // the DO delivers its outbox (audit rows) to this D1
  log(`  budget bench      ${budget.url}`);

  const dispose = async () => {
    for (const s of [budget, gateway, passthrough]) await s.mf.dispose().catch(() => {});
    await mock.dispose().catch(() => {});
  };
  const probe = await gateway.mf.getWorker(PROBE);
  /** Flushes the agent's budget-DO outbox in the gateway, then its deliveryStats(): { flushed, batches, rows }. */
  const agentDelivery = async (agentId = seeded.agent.id) => {
    const res = await probe.fetch(`http://probe/delivery?agent=${encodeURIComponent(agentId)}`, { method: "POST" });
    if (!res.ok) throw new Error(`gateway probe: ${res.status} ${await res.text()}`);
    return res.json();
  };
  return { mock, passthrough, gateway, budget, db, token: seeded.token, agentId: seeded.agent.id, seedMs, counts, agentDelivery, dispose };
}
