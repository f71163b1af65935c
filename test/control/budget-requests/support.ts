import { env } from "cloudflare:workers";
import { isRefusal } from "../../../src/errors/refusal";
import { createAgent } from "../../../src/services/agents/create-agent";
import { createTestAgent, type TestAgent } from "../../helpers/fixtures";

/** An agent owned by `ownerId` (no providers: enough for the control API), with its budget object configured. */
export async function ownedAgent(ownerId: string | null, budgetMicros = 1_000_000): Promise<string> {
  const created = await createAgent(env, { name: `brq-${crypto.randomUUID()}`, budgetMicros, providerIds: [], ownerId });
  if (isRefusal(created)) throw new Error(`agent creation failed: ${created.message}`);
  return created.agent.id;
}

/** A gateway-ready agent (mock providers, live token) owned by `ownerId`. */
export async function ownedGatewayAgent(ownerId: string, budgetUsd: number): Promise<TestAgent> {
  const agent = await createTestAgent({ budgetUsd });
  await env.DB.prepare("UPDATE agents SET owner_id = ? WHERE id = ?").bind(ownerId, agent.agentId).run();
  return agent;
}

/** A pending request written straight to D1 (no HTTP call, no audit record), for fixtures. */
export async function pendingRequest(agentId: string, requesterId: string, requestedMicros = 5_000_000): Promise<string> {
  const id = `brq_${crypto.randomUUID().replaceAll("-", "")}`;
  const agent = await env.DB.prepare("SELECT budget_micros FROM agents WHERE id = ?").bind(agentId).first<{ budget_micros: number }>();
  await env.DB.prepare(
    `INSERT INTO budget_requests (id, agent_id, requester_id, current_micros, requested_micros, justification, status, created_at)
     VALUES (?, ?, ?, ?, ?, 'fixture: needs more budget', 'pending', ?)`,
  )
    .bind(id, agentId, requesterId, agent?.budget_micros ?? 0, requestedMicros, new Date().toISOString())
    .run();
  return id;
}

export interface RequestJson {
  id: string;
  agent_id: string;
  requester_id: string;
  status: string;
  current_budget_usd: string;
  requested_budget_usd: string;
  approved_budget_usd: string | null;
  justification: string;
  reviewer_id: string | null;
  review_notes: string | null;
  created_at: string;
  decided_at: string | null;
}

export interface ChangeJson {
  id: string;
  target_type: string;
  target_id: string;
  old_budget_usd: string | null;
  new_budget_usd: string;
  delta_usd: string;
  source: string;
  budget_request_id: string | null;
  actor_id: string | null;
  reason: string | null;
  at: string;
}

export interface ListJson<T> {
  data: T[];
  pagination: { next_cursor: string | null; limit: number };
}
