import { microsToUsd } from "../pricing/cost";
import type { LeaseView } from "../../durable-objects/budget/types";

/** A lease as the API shows it (decimal USD, ISO times). */
export function leaseJson(lease: LeaseView, agentRemainingMicros: number): Record<string, unknown> {
  return {
    lease_id: lease.leaseId,
    state: lease.state,
    granted_usd: microsToUsd(lease.grantedMicros),
    spent_usd: microsToUsd(lease.spentMicros),
    reserved_usd: microsToUsd(lease.reservedMicros),
    remaining_usd: microsToUsd(lease.remainingMicros),
    agent_remaining_usd: microsToUsd(agentRemainingMicros),
    expires_at: new Date(lease.expiresAt).toISOString(),
  };
}
