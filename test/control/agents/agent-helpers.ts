import { env } from "cloudflare:workers";
import { isRefusal } from "../../../src/errors/refusal";
import { createAgent } from "../../../src/services/agents/create-agent";
import { controlJson, type Person } from "../../helpers/control";
import { createTestAgent } from "../../helpers/fixtures";

/** A chat call the mock provider answers cheaply. */
export const plain = { model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] };

export interface AgentBody {
  id: string;
  name: string;
  status: string;
  owner_id: string | null;
  project_id: string | null;
  provider_ids: string[];
  allowed_models: string[] | null;
  budget_usd: string;
  spent_usd: string;
  reserved_usd: string;
  leased_out_usd: string;
  remaining_usd: string;
  percent_used: number;
  risk_level: string;
  open_leases: number;
  open_reservations: number;
  rate_limits: { requests_per_minute: number | null; tokens_per_minute: number | null; concurrent_requests: number | null };
  disconnect_policy: string;
  token_label: string | null;
  token: string;
}

/** Two providers of the mock (OpenAI and Anthropic shapes), each with its own canary key, for agents made over HTTP. */
export async function mockProviders(): Promise<string[]> {
  return (await createTestAgent({ budgetUsd: 0 })).providerIds;
}

export const uniqueName = (prefix: string): string => `${prefix}-${crypto.randomUUID()}`;

/** Creates an agent over HTTP as `by` (an admin may add a budget and an owner); fails the test on refusal. */
export async function httpAgent(by: Person, body: Record<string, unknown>): Promise<AgentBody> {
  const created = await controlJson<AgentBody>("POST", "/agents", { token: by.token, body: { name: uniqueName("agent"), ...body } });
  if (created.status !== 201) throw new Error(`create agent: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body;
}

/** An agent owned by `ownerId`, made with the service directly (for tests about other routes). */
export async function ownedAgent(ownerId: string, budgetMicros = 1_000_000, providerIds: string[] = []): Promise<{ id: string; token: string }> {
  const created = await createAgent(env, { name: uniqueName("owned"), budgetMicros, providerIds, ownerId });
  if (isRefusal(created)) throw new Error(created.message);
  return { id: created.agent.id, token: created.token };
}
