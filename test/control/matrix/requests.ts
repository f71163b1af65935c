import { env } from "cloudflare:workers";
import { requestLogInsert } from "../../../src/audit/request-record";
import { createTestAgent } from "../../helpers/fixtures";
import type { World } from "../../helpers/control";
import type { MatrixCases, Whose } from "./types";

/** A fresh agent of `whose` owner with one recorded request; returns the request's id. */
async function requestOf(world: World, whose: Whose): Promise<string> {
  const agent = await createTestAgent({ budgetUsd: 1 });
  const owner = whose === "own" ? world.owner : world.other;
  await env.DB.prepare("UPDATE agents SET owner_id = ? WHERE id = ?").bind(owner.id, agent.agentId).run();
  const id = `req_${crypto.randomUUID().replaceAll("-", "")}`;
  await requestLogInsert(env.DB, {
    id, agent_id: agent.agentId, lease_id: null, provider_id: agent.providerIds[0], model: "gpt-4o-mini", api_shape: "openai", endpoint: "chat",
    stream: 0, status: 200, outcome: "ok", error_code: null, input_tokens: 3, cached_input_tokens: 0, cache_write_tokens: 0, output_tokens: 2,
    reasoning_tokens: 0, reserved_micros: 10, cost_micros: 2, usage_source: "provider", max_tokens: 16, latency_ms: 5, ttfb_ms: null,
    price_version: null, created_at: new Date().toISOString(),
  }).run();
  return id;
}

export const cases: MatrixCases = {
  // Filtered by owner for users, so any admitted caller gets a (possibly empty) list.
  listRequests: { access: "any", prepare: () => Promise.resolve({ path: "/requests?limit=5" }) },
  getRequest: { access: "owned", prepare: async (world, whose) => ({ path: `/requests/${await requestOf(world, whose)}` }) },
};
