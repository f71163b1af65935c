import { refuse, type Refusal } from "../errors/refusal";
import { microsToUsd } from "../pricing/cost";
import { budgetStub } from "../services/agents/budget-stub";
import type { CallPlan, Grant } from "./call-plan";

const MIN_OUTPUT_TOKENS = 16;

/**
 * The single reservation point: every path that forwards a call (streams, retries, fallbacks, leases) reserves
 * here, in one round trip to the agent's budget object, before anything is sent upstream.
 */
export async function reserveBudget(env: Env, plan: CallPlan, attempt: number): Promise<Grant | Refusal> {
  const price = plan.route.price;
  const chat = plan.endpoint === "chat";
  const spender = plan.caller.spender;
  const result = await budgetStub(env, plan.caller.agent.agentId).reserve({
    agentId: plan.caller.agent.agentId,
    spender,
    reservationId: `${plan.requestId}:${attempt}`,
    inputMicros: plan.inputMicros,
    inputTokens: plan.promptTokens,
    outputMicrosPerMillion: chat ? Math.max(price.microsPerMillion.output, price.microsPerMillion.reasoning) * plan.choices : 0,
    requestedMaxTokens: chat ? plan.requestedMaxTokens : null,
    modelMaxTokens: chat ? price.maxOutputTokens : 0,
    // A caller asking for fewer tokens than the minimum gets what it asked for, not a budget refusal.
    minOutputTokens: chat ? Math.min(MIN_OUTPUT_TOKENS, plan.requestedMaxTokens ?? MIN_OUTPUT_TOKENS) : 0,
  });
  if (result.ok) return result;
  const agentLeft = microsToUsd(result.agentRemainingMicros);
  const viaLease = spender.kind === "lease";
  const headers: Record<string, string> = { "x-iron-budget-remaining-usd": agentLeft };
  if (viaLease) headers["x-iron-lease-remaining-usd"] = microsToUsd(result.remainingMicros);
  switch (result.code) {
    case "budget_exceeded":
      return refuse(
        "budget_exceeded",
        viaLease
          ? `Lease budget exceeded: this lease has $${microsToUsd(result.remainingMicros)} left, less than this request could cost. Refresh the lease (POST /api/v1/budget/refresh) or open a new one.`
          : `Budget exceeded: this agent has $${agentLeft} left, less than this request could cost (prompt bound $${microsToUsd(plan.inputMicros)} plus a minimal answer). Ask an admin to raise the budget or open a budget request.`,
        { headers: { ...headers, "x-should-retry": "false" } },
      );
    case "lease_closed":
      return refuse("budget_exceeded", "This lease was returned or has expired. Open a new lease (POST /api/v1/budget/handshake).", { headers: { ...headers, "x-should-retry": "false" } });
    case "rate_limited": {
      const wait = String(result.retryAfterSeconds ?? 1);
      return refuse("rate_limited", `Rate limit reached for this agent; retry after ${wait} s.`, { headers: { ...headers, "retry-after": wait, "x-should-retry": "true" } });
    }
    case "agent_suspended":
      return refuse("agent_suspended", "This agent is suspended. Ask an admin to reactivate it.");
    case "invalid_agent_token":
      return refuse("invalid_agent_token", "Invalid agent token: it was revoked or replaced, or the lease is unknown. Use the agent's current token.");
  }
}
