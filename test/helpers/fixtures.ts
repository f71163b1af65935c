import { env } from "cloudflare:workers";
import { inject } from "vitest";
import { isRefusal } from "../../src/errors/refusal";
import { usdToMicros } from "../../src/pricing/cost";
import { createAgent } from "../../src/services/agents/create-agent";
import { budgetStub } from "../../src/services/agents/budget-stub";
import { createProvider } from "../../src/services/providers/create-provider";
import type { BudgetSnapshot } from "../../durable-objects/budget/types";
import type { Bill } from "../../mock-provider/src/bill";
import { CANARY_MARK } from "./canary";

export const mockUrl = (): string => inject("mockProviderUrl");

export interface TestAgent {
  agentId: string;
  token: string;
  openaiKey: string;
  anthropicKey: string;
  providerIds: string[];
}

/**
 * A fresh agent with its own OpenAI and Anthropic providers pointing at the mock provider. Each provider
 * key is a unique canary, so the mock's bill for that key is exactly this agent's traffic.
 */
export async function createTestAgent(options: { budgetUsd: number; allowedModels?: string[] }): Promise<TestAgent> {
  const id = crypto.randomUUID();
  const openaiKey = `sk-${CANARY_MARK}-oa-${id}`;
  const anthropicKey = `sk-ant-${CANARY_MARK}-${id}`;
  const openai = await createProvider(env, { name: `oa-${id}`, kind: "openai", baseUrl: `${mockUrl()}/v1`, apiKey: openaiKey });
  const anthropic = await createProvider(env, { name: `an-${id}`, kind: "anthropic", baseUrl: mockUrl(), apiKey: anthropicKey });
  if (isRefusal(openai) || isRefusal(anthropic)) throw new Error("test provider creation failed");
  const created = await createAgent(env, {
    name: `agent-${id}`,
    budgetMicros: usdToMicros(options.budgetUsd),
    providerIds: [openai.id, anthropic.id],
    allowedModels: options.allowedModels ?? null,
  });
  if (isRefusal(created)) throw new Error(`test agent creation failed: ${created.message}`);
  return { agentId: created.agent.id, token: created.token, openaiKey, anthropicKey, providerIds: [openai.id, anthropic.id] };
}

export type MockBill = Bill;

/** The mock provider's ground-truth bill for one provider key. */
export async function mockBill(key: string): Promise<MockBill> {
  const response = await fetch(`${mockUrl()}/__mock/bill`, { headers: { authorization: `Bearer ${key}` } });
  if (!response.ok) throw new Error(`mock bill: ${response.status}`);
  return response.json<MockBill>();
}

/** The requests the mock received for one provider key (bodies and header names). */
export async function mockRequests(key: string): Promise<{ body: Record<string, unknown>; headers: string[] }[]> {
  const response = await fetch(`${mockUrl()}/__mock/requests`, { headers: { authorization: `Bearer ${key}` } });
  if (!response.ok) throw new Error(`mock requests: ${response.status}`);
  const json = await response.json<{ requests: { body: Record<string, unknown>; headers: string[] }[] }>();
  return json.requests;
}

export async function budgetOf(agentId: string): Promise<BudgetSnapshot> {
  const snapshot = await budgetStub(env, agentId).snapshot(agentId);
  if (snapshot === null) throw new Error("no budget object");
  return snapshot;
}

/** Waits until every reservation of the agent is settled (settlement runs after the response). */
export async function settled(agentId: string, timeoutMs = 10_000): Promise<BudgetSnapshot> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const snapshot = await budgetOf(agentId);
    if (snapshot.openReservations === 0) return snapshot;
    if (Date.now() > deadline) throw new Error(`reservations still open: ${snapshot.openReservations}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
