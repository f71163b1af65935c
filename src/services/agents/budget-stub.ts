import type { AgentBudget } from "../../../durable-objects/agent-budget";

/** The agent's budget Durable Object (one per agent id). */
export function budgetStub(env: Env, agentId: string): DurableObjectStub<AgentBudget> {
  return env.AGENT_BUDGET.get(env.AGENT_BUDGET.idFromName(agentId));
}
