import { controlRefusal, type ControlRefusal } from "../control/openapi/control-errors";
import { microsToUsd } from "../pricing/cost";
import type { LeaseResult } from "../../durable-objects/budget/types";

/** Every refusal the budget object can give a lease operation. */
export const LEASE_REFUSAL_CODES = ["INVALID_TOKEN", "AGENT_SUSPENDED", "BUDGET_EXCEEDED", "RATE_LIMITED", "LEASE_CLOSED", "LEASE_NOT_FOUND", "LEASE_DEPTH_EXCEEDED"] as const;
export type LeaseRefusalCode = (typeof LEASE_REFUSAL_CODES)[number];

const REFUSALS = {
  invalid_agent_token: ["INVALID_TOKEN", "The agent or lease token is invalid, revoked or replaced."],
  agent_suspended: ["AGENT_SUSPENDED", "This agent is suspended. Ask an admin to reactivate it."],
  budget_exceeded: ["BUDGET_EXCEEDED", "Not enough budget left to grant this. Ask an admin to raise the budget or open a budget request."],
  rate_limited: ["RATE_LIMITED", "Rate limit reached."],
  lease_closed: ["LEASE_CLOSED", "This lease was returned or has expired. Open a new lease."],
  unknown_lease: ["LEASE_NOT_FOUND", "No such lease."],
  lease_depth: ["LEASE_DEPTH_EXCEEDED", "Leases nest at most 8 levels deep."],
} as const satisfies Record<Extract<LeaseResult, { ok: false }>["code"], readonly [LeaseRefusalCode, string]>;

/** A refused lease operation, with what is left in headers so a client can size its next request. */
export function leaseRefusal(result: Extract<LeaseResult, { ok: false }>): ControlRefusal<LeaseRefusalCode> {
  const [code, message] = REFUSALS[result.code];
  return controlRefusal(code, message, {
    headers: {
      "x-iron-budget-remaining-usd": microsToUsd(result.agentRemainingMicros),
      "x-iron-lease-remaining-usd": microsToUsd(result.remainingMicros),
    },
  });
}

/** No usable key was presented (none, malformed, or the wrong kind). */
export function missingKey(kind: "agent or lease" | "lease"): ControlRefusal<"INVALID_TOKEN"> {
  return kind === "lease"
    ? controlRefusal("INVALID_TOKEN", "A lease token (icl_…) is required: `lease_token` in the body, or `x-iron-lease`, `Authorization: Bearer` or `x-api-key`.")
    : controlRefusal("INVALID_TOKEN", "An agent token (ic_…) or lease token (icl_…) is required: `agent_token` in the body, or `Authorization: Bearer` or `x-api-key`.");
}
