import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { flushOutbox } from "../../durable-objects/budget/flush";
import { enqueue, lastOutboxSeq, outboxSize } from "../../durable-objects/budget/outbox";
import type { RequestRecord } from "../audit/request-record";
import { requestLogWithRollup } from "./rollup-statement";

interface RollupRow { hour: string; provider_id: string; model: string; requests: number; successes: number; errors: number; input_tokens: number; cached_input_tokens: number; cache_write_tokens: number; output_tokens: number; reasoning_tokens: number; cost_micros: number; latency_ms_total: number }

function record(agentId: string | null, overrides: Partial<RequestRecord> = {}): RequestRecord {
  return {
    id: `req_${crypto.randomUUID()}`, agent_id: agentId, lease_id: null, provider_id: "prov_x", model: "gpt-4o-mini", api_shape: "openai",
    endpoint: "/v1/chat/completions", stream: 0, status: 200, outcome: "ok", error_code: null, input_tokens: 10, cached_input_tokens: 2,
    cache_write_tokens: 1, output_tokens: 7, reasoning_tokens: 3, reserved_micros: 900, cost_micros: 500, usage_source: "provider",
    max_tokens: 100, latency_ms: 40, ttfb_ms: 10, price_version: "v1", created_at: "2031-02-03T04:05:06.789Z", ...overrides,
  };
}

async function rollupOf(agentId: string): Promise<RollupRow[]> {
  const rows = await env.DB.prepare("SELECT * FROM usage_rollup WHERE agent_id = ? ORDER BY hour, provider_id, model").bind(agentId).all<RollupRow>();
  return rows.results;
}

const deliver = (records: RequestRecord[]): Promise<D1Result[]> => env.DB.batch(records.flatMap((r) => requestLogWithRollup(env.DB, r)));

describe("usage rollups count every request_log row exactly once", () => {
  it("adds a new row to its hour × agent × provider × model with every figure, success and error apart", async () => {
    const agent = `agt_${crypto.randomUUID()}`;
    await deliver([record(agent), record(agent, { outcome: "upstream_error", status: 502, cost_micros: 0, latency_ms: 5 }), record(agent, { created_at: "2031-02-03T05:00:00.000Z" })]);
    const rows = await rollupOf(agent);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ hour: "2031-02-03T04", provider_id: "prov_x", model: "gpt-4o-mini", requests: 2, successes: 1, errors: 1, input_tokens: 20, cached_input_tokens: 4, cache_write_tokens: 2, output_tokens: 14, reasoning_tokens: 6, cost_micros: 500, latency_ms_total: 45 });
    expect(rows[1]).toMatchObject({ hour: "2031-02-03T05", requests: 1, successes: 1, cost_micros: 500 });
  });

  it("adds nothing when a batch is delivered again, even mixed with new rows (a redelivered outbox batch)", async () => {
    const agent = `agt_${crypto.randomUUID()}`;
    const first = [record(agent), record(agent, { cost_micros: 7 })];
    await deliver(first);
    // New, repeated, new, repeated: a repeated insert right after a new row's upsert must still count as "not inserted".
    const fresh = [record(agent, { cost_micros: 1000 }), record(agent, { cost_micros: 20_000 })];
    const results = await deliver([fresh[0] as RequestRecord, first[0] as RequestRecord, fresh[1] as RequestRecord, first[1] as RequestRecord]);
    expect(results.map((r) => r.meta.changes)).toEqual([1, 1, 0, 0, 1, 1, 0, 0]);
    await deliver([...first, ...fresh]);
    const [row] = await rollupOf(agent);
    expect(row).toMatchObject({ requests: 4, cost_micros: 500 + 7 + 1000 + 20_000 });
    const ledger = await env.DB.prepare("SELECT COUNT(*) AS n, SUM(cost_micros) AS cost FROM request_log WHERE agent_id = ?").bind(agent).first<{ n: number; cost: number }>();
    expect(ledger).toEqual({ n: row?.requests, cost: row?.cost_micros });
  });

  it("keeps rows without agent, provider or model (refused early) under empty keys", async () => {
    const id = `req_${crypto.randomUUID()}`;
    await deliver([record(null, { id, provider_id: null, model: null, outcome: "refused", status: 401, created_at: "2031-03-01T00:00:00.000Z" })]);
    const row = await env.DB.prepare("SELECT * FROM usage_rollup WHERE hour = '2031-03-01T00' AND agent_id = '' AND provider_id = '' AND model = ''").first<RollupRow>();
    expect(row).toMatchObject({ requests: 1, successes: 0, errors: 1 });
  });

  it("a budget object's flush that D1 accepted but the object never acknowledged is redelivered without double counting", async () => {
    const agent = `agt_${crypto.randomUUID()}`;
    const stub = env.AGENT_BUDGET.get(env.AGENT_BUDGET.idFromName(`rollup-${agent}`));
    const rows = [record(agent, { cost_micros: 300 }), record(agent, { cost_micros: 4000 })];
    await runInDurableObject(stub, async (_instance, state) => {
      const sql = state.storage.sql;
      for (const row of rows) enqueue(sql, row.id, "request", row, Date.now());
      enqueue(sql, `evt-${agent}`, "budget_event", { id: `evt-${agent}`, agent_id: agent, pool_id: "agent", kind: "usage_report", amount_micros: 1, at: new Date().toISOString(), detail: "{}" }, Date.now());
      const upTo = lastOutboxSeq(sql);
      const crash = (): never => { throw new Error("crashed before the acknowledgement"); };
      await expect(flushOutbox(sql, env.DB, crash, upTo)).rejects.toThrow("crashed");
      expect(outboxSize(sql)).toBe(3);
      expect(await flushOutbox(sql, env.DB, (fn) => state.storage.transactionSync(fn), upTo)).toBe(3);
      expect(outboxSize(sql)).toBe(0);
    });
    const [row] = await rollupOf(agent);
    expect(row).toMatchObject({ requests: 2, cost_micros: 4300 });
  });
});
