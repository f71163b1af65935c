// Analytics test data: real gateway traffic delivered by the budget objects, plus ledger rows placed at other times
// through the same rollup path the gateway uses (never usage_rollup by hand).
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { requestLogWithRollup } from "../../../src/analytics/rollup-statement";
import type { RequestRecord } from "../../../src/audit/request-record";
import { budgetStub } from "../../../src/services/agents/budget-stub";
import { makePerson, type Person } from "../../helpers/control";
import { createTestAgent, settled, type TestAgent } from "../../helpers/fixtures";
import { jsonPost } from "../../helpers/gateway";

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const floorDay = (ms: number): number => Math.floor(ms / DAY) * DAY;

/** A test agent owned by `ownerId` (the control API's object-level checks read `agents.owner_id`). */
export async function ownedAgent(ownerId: string | null, budgetUsd = 10): Promise<TestAgent> {
  const agent = await createTestAgent({ budgetUsd });
  await env.DB.prepare("UPDATE agents SET owner_id = ? WHERE id = ?").bind(ownerId, agent.agentId).run();
  return agent;
}

/** A ledger row at `at`, delivered with its rollup exactly as the gateway delivers one. */
export async function placeRow(agentId: string | null, at: number, overrides: Partial<RequestRecord> = {}): Promise<RequestRecord> {
  const row: RequestRecord = {
    id: `req_placed_${crypto.randomUUID()}`, agent_id: agentId, lease_id: null, provider_id: "prov_placed", model: "gpt-4o-mini",
    api_shape: "openai", endpoint: "/v1/chat/completions", stream: 0, status: 200, outcome: "ok", error_code: null,
    input_tokens: 120, cached_input_tokens: 30, cache_write_tokens: 0, output_tokens: 45, reasoning_tokens: 5, reserved_micros: 9_000,
    cost_micros: 4_321, usage_source: "provider", max_tokens: 256, latency_ms: 150, ttfb_ms: 40, price_version: "test",
    created_at: new Date(at).toISOString(), ...overrides,
  };
  await env.DB.batch(requestLogWithRollup(env.DB, row));
  return row;
}

const chat = (model: string, text: string): unknown => ({ model, max_tokens: 64, messages: [{ role: "user", content: text }] });

/**
 * Real traffic for one agent: successes on two models and two vendors, an upstream error, and a refusal recorded
 * directly by the gateway (unknown model). Waits until every row is in D1 (settled, flushed, refusal written).
 */
export async function gatewayTraffic(agent: TestAgent, seed: number): Promise<void> {
  const calls = [
    chat("gpt-4o-mini", `hello ${seed} [[mock:reply_tokens=${5 + seed}]]`),
    chat("gpt-4o-mini", `again ${seed} [[mock:reply_tokens=${9 + seed}]] [[mock:cached=3]]`),
    chat("gpt-4o", `bigger ${seed} [[mock:reply_tokens=${3 + seed}]]`),
    chat("claude-haiku-4-5", `anthropic ${seed} [[mock:reply_tokens=${7 + seed}]]`),
    chat("gpt-4o-mini", `broken ${seed} [[mock:fault=error_500]]`),
    chat("no-such-model", "refused before routing"),
  ];
  const ids: string[] = [];
  for (const body of calls) {
    const res = await jsonPost("/v1/chat/completions", agent.token, body);
    ids.push(res.headers.get("x-request-id") ?? "");
    await res.text();
  }
  await settled(agent.agentId);
  await budgetStub(env, agent.agentId).flush();
  await waitForRows(ids);
}

/** Until every request id has its request_log row (refusals are written after the response). */
export async function waitForRows(ids: readonly string[]): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const found = await Promise.all(ids.map((id) => env.DB.prepare("SELECT 1 AS x FROM request_log WHERE id = ?").bind(id).first()));
    if (found.every((row) => row !== null)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  expect.fail(`request_log rows missing for ${ids.join(", ")}`);
}

export interface UsageWorld {
  admin: Person; viewer: Person; alice: Person; bob: Person;
  /** Alice's two agents and Bob's one. */
  a1: TestAgent; a2: TestAgent; b1: TestAgent;
}

/**
 * The data set of the usage tests: gateway traffic of three agents (two users), one unauthenticated refusal, and
 * for each agent rows on both sides of every period boundary (today, yesterday, 7 and 30 days) and long ago.
 */
export async function seedUsage(): Promise<UsageWorld> {
  const [admin, viewer, alice, bob] = await Promise.all([makePerson("admin"), makePerson("viewer"), makePerson("user"), makePerson("user")]);
  const a1 = await ownedAgent(alice.id);
  const a2 = await ownedAgent(alice.id);
  const b1 = await ownedAgent(bob.id);
  for (const [i, agent] of [a1, a2, b1].entries()) await gatewayTraffic(agent, i);
  const anonymous = await jsonPost("/v1/chat/completions", "ic_not-a-token", { model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] });
  await anonymous.text();
  await waitForRows([anonymous.headers.get("x-request-id") ?? ""]);
  const today = floorDay(Date.now());
  const at = [today, today - 1, today - 12 * HOUR, today - DAY, today - DAY - 1, today - 3 * DAY + 5 * HOUR, today - 6 * DAY, today - 6 * DAY - 1,
    today - 10 * DAY + 7 * HOUR, today - 29 * DAY, today - 29 * DAY - 1, today - 45 * DAY, today - 400 * DAY];
  for (const [i, agent] of [a1, a2, b1].entries()) {
    for (const [j, time] of at.entries()) {
      await placeRow(agent.agentId, time, {
        model: ["gpt-4o-mini", "gpt-4o", "claude-haiku-4-5"][(i + j) % 3], provider_id: agent.providerIds[j % 2] ?? null,
        outcome: j % 4 === 3 ? "upstream_error" : "ok", cost_micros: 1_000 * (i + 1) + 17 * j, output_tokens: 10 + j, latency_ms: 100 + 7 * j + i,
      });
    }
  }
  await placeRow(null, today - 2 * DAY, { provider_id: null, model: null, outcome: "refused", status: 401, cost_micros: 0 });
  return { admin, viewer, alice, bob, a1, a2, b1 };
}
