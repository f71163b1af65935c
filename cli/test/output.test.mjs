// Output against a local stand-in for the control API, and `iron tail --wrangler` over a recorded sample:
// --quiet, -o yaml, secrets with --quiet, no spinner when stderr is not a terminal.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import yaml from "js-yaml";
import { CLI_DIR, fakeApi, iron } from "./helpers.mjs";

const AGENTS = [
  { id: "agt_1", name: "bot", status: "active", owner_id: "usr_1", project_id: null, budget_usd: "25.000000", created_at: "2026-01-15T10:00:00.000Z" },
  { id: "agt_2", name: "crawler: nightly", status: "suspended", owner_id: "usr_1", project_id: "prj_1", budget_usd: "0.000150", created_at: "2026-01-15T11:00:00.000Z" },
];
let api;
let env;
before(async () => {
  api = await fakeApi((req) => {
    if (req.method === "GET" && /^\/api\/v1\/agents(\?|$)/.test(req.url)) return { status: 200, json: { data: AGENTS, pagination: { next_cursor: null, limit: 50 } }, delayMs: req.url.includes("slow") ? 800 : 0 };
    if (req.method === "POST" && req.url === "/api/v1/agents") return { status: 201, json: { ...AGENTS[0], id: "agt_new", token: "ic_SECRET0123456789" } };
    if (req.method === "DELETE") return { status: 204 };
    return { status: 404, json: { error: { code: "NOT_FOUND", message: "no" } } };
  });
  env = { IRON_URL: api.url, IRON_TOKEN: "apitok_test" };
});
after(() => api.close());

test("--quiet prints ids only, one a line; a 204 prints nothing at all", async () => {
  const list = await iron(["agents", "list", "-q"], { env });
  assert.equal(list.code, 0, list.stderr);
  assert.equal(list.stdout, "agt_1\nagt_2\n");
  const del = await iron(["agents", "delete", "agt_1", "-q"], { env });
  assert.equal(del.code, 0, del.stderr);
  assert.equal(del.stdout + del.stderr, "");
});

test("a secret with --quiet: only the id, and a warning that it was not shown", async () => {
  const r = await iron(["agents", "create", "--name", "x", "-q"], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, "agt_new\n");
  assert.doesNotMatch(r.stdout + r.stderr, /ic_SECRET/);
  assert.match(r.stderr, /'token' is not shown with --quiet/);
  const shown = await iron(["agents", "create", "--name", "x"], { env });
  assert.match(shown.stdout, /token: ic_SECRET0123456789/);
  assert.match(shown.stderr, /'token' is shown once/);
});

test("-o yaml is the same value as -o json; tables show money formatted", async () => {
  const asJson = JSON.parse((await iron(["agents", "list", "-o", "json"], { env })).stdout);
  const asYaml = await iron(["agents", "list", "-o", "yaml"], { env });
  assert.equal(asYaml.code, 0, asYaml.stderr);
  assert.deepEqual(yaml.load(asYaml.stdout), asJson);
  assert.match(asYaml.stdout, /budget_usd: "25\.000000"/);
  const table = (await iron(["agents", "list"], { env })).stdout;
  assert.match(table, /^ID +NAME +STATUS/);
  assert.match(table, /\$25\.00/);
  assert.match(table, /\$0\.000150/);
});

test("no spinner when stderr is not a terminal, even for a slow call", async () => {
  const r = await iron(["agents", "list", "--q", "slow"], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, "");
  assert.doesNotMatch(r.stdout, /\x1b|⠋|⠙/);
});

const sample = readFileSync(join(CLI_DIR, "test/fixtures/wrangler-tail.json"), "utf8");

test("iron tail --wrangler pretty-prints Iron's lines from `wrangler tail --format json` on stdin", async () => {
  const r = await iron(["tail", "--wrangler"], { input: sample });
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split("\n");
  assert.equal(lines.length, 4, r.stdout);
  assert.match(lines[0], /^2026-01-15T10:20:30\.041Z {2}call {3}req_01JH8Q3ZK4M2 agt_7Hq2LmN4pR gpt-4o-mini 200 ok \$0\.000150 41ms$/);
  assert.match(lines[1], /audit {2}#42 agent\.create ok/);
  assert.match(lines[2], /402 refused/);
  assert.match(lines[3], /iron\.control_error/);
  assert.doesNotMatch(r.stdout, /plain console\.log/);
});

test("iron tail --wrangler -o json prints Iron's log records as they were logged, one a line", async () => {
  const r = await iron(["tail", "--wrangler", "-o", "json"], { input: sample.replace(/\n/g, "\n\n") });
  assert.equal(r.code, 0, r.stderr);
  const records = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(records.map((x) => x.event), ["iron.request", "iron.audit", "iron.request", "iron.control_error"]);
  assert.equal(records[0].cost_micros, 150);
  assert.equal(records[2].tags, '["nightly-crawl"]');
});
