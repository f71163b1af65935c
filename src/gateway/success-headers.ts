import { microsToUsd } from "../pricing/cost";
import type { CallPlan, Grant } from "./call-plan";

/** Headers on every forwarded response: request id, budget left after the reservation, the completion bound. */
export function successHeaders(plan: CallPlan, grant: Grant): Headers {
  const headers = new Headers({
    "x-request-id": plan.requestId,
    "x-iron-budget-remaining-usd": microsToUsd(grant.remainingMicros),
    "x-iron-reserved-usd": microsToUsd(grant.amountMicros),
  });
  if (plan.endpoint === "chat") headers.set("x-iron-max-tokens", String(grant.maxTokens));
  if (grant.clamped) headers.set("x-iron-max-tokens-clamped", "true");
  return headers;
}
