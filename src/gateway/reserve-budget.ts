import { refuse, type Refusal } from "../errors/refusal";
import { microsToUsd } from "../pricing/cost";
import { budgetStub } from "../services/agents/budget-stub";
import type { CallPlan, Grant } from "./call-plan";

const MIN_OUTPUT_TOKENS = 16;

/**
 * The single reservation point: every path that forwards a call (streams, retries, fallbacks) reserves
 * here, in one round trip to the agent's budget object, before anything is sent upstream.
 */
export async function reserveBudget(env: Env, plan: CallPlan, attempt: number): Promise<Grant | Refusal> {
  const price = plan.route.price;
  const chat = plan.endpoint === "chat";
  const result = await budgetStub(env, plan.caller.agent.agentId).reserve({
    agentId: plan.caller.agent.agentId,
    tokenHash: plan.caller.tokenHash,
    reservationId: `${plan.requestId}:${attempt}`,
    inputMicros: plan.inputMicros,
    outputMicrosPerMillion: chat ? Math.max(price.microsPerMillion.output, price.microsPerMillion.reasoning) * plan.choices : 0,
    requestedMaxTokens: chat ? plan.requestedMaxTokens : null,
    modelMaxTokens: chat ? price.maxOutputTokens : 0,
    minOutputTokens: chat ? MIN_OUTPUT_TOKENS : 0,
  });
  if (result.ok) return result;
  const remaining = microsToUsd(result.remainingMicros);
  if (result.code === "budget_exceeded") {
    return refuse(
      "budget_exceeded",
      `Budget exceeded: this agent has $${remaining} left, less than this request could cost (prompt bound $${microsToUsd(plan.inputMicros)} plus a minimal answer). Ask an admin to raise the budget or open a budget request.`,
      { headers: { "x-iron-budget-remaining-usd": remaining, "x-should-retry": "false" } },
    );
  }
  if (result.code === "agent_suspended") return refuse("agent_suspended", "This agent is suspended. Ask an admin to reactivate it.");
  return refuse("invalid_agent_token", "Invalid agent token: it was revoked or replaced. Use the agent's current token.");
}
