import { controlError } from "../errors/control-error";
import { microsToUsd } from "../pricing/cost";
import type { LeaseResult } from "../../durable-objects/budget/types";

const STATUS = {
  invalid_agent_token: [401, "INVALID_TOKEN", "The agent or lease token is invalid, revoked or replaced."],
  agent_suspended: [403, "AGENT_SUSPENDED", "This agent is suspended. Ask an admin to reactivate it."],
  budget_exceeded: [429, "BUDGET_EXCEEDED", "Not enough budget left to grant this. Ask an admin to raise the budget or open a budget request."],
  rate_limited: [429, "RATE_LIMITED", "Rate limit reached."],
  lease_closed: [409, "LEASE_CLOSED", "This lease was returned or has expired. Open a new lease."],
  unknown_lease: [404, "LEASE_NOT_FOUND", "No such lease."],
  lease_depth: [400, "LEASE_DEPTH_EXCEEDED", "Leases nest at most 8 levels deep."],
} as const;

/** A refused lease operation in the control API's error shape, with the budget left in headers. */
export function leaseRefusal(result: Extract<LeaseResult, { ok: false }>): Response {
  const [status, code, message] = STATUS[result.code];
  return controlError(status, code, message, undefined, {
    "x-iron-budget-remaining-usd": microsToUsd(result.agentRemainingMicros),
    "x-iron-lease-remaining-usd": microsToUsd(result.remainingMicros),
  });
}
