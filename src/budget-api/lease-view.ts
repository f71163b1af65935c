import { z } from "zod";
import { usdText } from "../control/routes/shared/money";
import { microsToUsd } from "../pricing/cost";
import type { LeaseView } from "../../durable-objects/budget/types";

/** A lease as the budget protocol shows it: decimal USD, ISO times, never a provider key. */
export const leaseSchema = z
  .object({
    lease_id: z.string().meta({ description: "lse_…" }),
    state: z.enum(["open", "returned", "expired", "revoked"]),
    granted_usd: usdText.meta({ description: "Everything lent to this lease so far (handshake plus refreshes)." }),
    spent_usd: usdText,
    reserved_usd: usdText.meta({ description: "Held by calls in flight on this lease." }),
    remaining_usd: usdText.meta({ description: "What this lease can still spend." }),
    agent_remaining_usd: usdText.meta({ description: "What the agent's own budget has left besides its leases." }),
    expires_at: z.string().meta({ description: "ISO-8601 UTC; at expiry the unspent rest flows back to the parent." }),
  })
  .meta({ id: "BudgetLease" });

export type LeaseJson = z.input<typeof leaseSchema>;

/** A lease as the API shows it (decimal USD, ISO times). */
export function leaseJson(lease: LeaseView, agentRemainingMicros: number): LeaseJson {
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
