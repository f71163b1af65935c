import { microsToUsd } from "../pricing/cost";
import type { SafetyCategory } from "../safety/types";
import type { CallPlan, Grant } from "./call-plan";

/**
 * Headers on every forwarded response: request id, the agent's budget left after this reservation (and the
 * lease's, when spending from one), the reservation, the completion bound, and the safety categories flagged `warn`
 * in the input (from the plan) or the output (`outputWarnings`).
 */
export function successHeaders(plan: CallPlan, grant: Grant, outputWarnings: readonly SafetyCategory[] = []): Headers {
  const headers = new Headers({
    "x-request-id": plan.requestId,
    "x-iron-budget-remaining-usd": microsToUsd(grant.agentRemainingMicros),
    "x-iron-reserved-usd": microsToUsd(grant.amountMicros),
  });
  if (grant.poolId !== "agent") headers.set("x-iron-lease-remaining-usd", microsToUsd(grant.remainingMicros));
  if (plan.endpoint === "chat") headers.set("x-iron-max-tokens", String(grant.maxTokens));
  if (grant.clamped) headers.set("x-iron-max-tokens-clamped", "true");
  const warnings = [...new Set([...plan.safety.warn, ...outputWarnings])].sort();
  if (warnings.length > 0) headers.set("x-iron-safety-warnings", warnings.join(","));
  return headers;
}
