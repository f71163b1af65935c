import { z } from "zod";
import { defineRoute } from "../control/openapi/route";
import { usdText } from "../control/routes/shared/money";
import { microsToUsd } from "../pricing/cost";
import { budgetStub } from "../services/agents/budget-stub";
import { leaseKey, presentedLeaseKey } from "./credentials";
import { LEASE_REFUSAL_CODES, leaseRefusal, missingKey } from "./lease-errors";
import { leaseJson, leaseSchema } from "./lease-view";
import { LEASE_AUDIT, LEASE_AUTH } from "./protocol-notes";

/** `POST /api/v1/budget/return`: closes a lease; what it did not spend flows back to its parent at once. */
export const returnLeaseRoute = defineRoute({
  method: "post",
  path: "/budget/return",
  operationId: "returnBudgetLease",
  summary: "Return a lease: close it and give back what it did not spend",
  description:
    `${LEASE_AUTH} Closes the lease (and its nested leases); the unspent rest flows back to the parent at once. ` +
    "Calls still in flight on it settle against it. Returning a closed lease again returns nothing (`returned_usd` 0). " + LEASE_AUDIT,
  tags: ["budget"],
  role: "public",
  audit: false,
  // Optional: a client that authenticates by header may send no body at all.
  body: z.strictObject({ lease_token: z.string().min(1).max(512).optional() }).optional(),
  response: leaseSchema.extend({ returned_usd: usdText.meta({ description: "What this call gave back to the parent." }) }).meta({ id: "ReturnedBudgetLease" }),
  errors: LEASE_REFUSAL_CODES,
  handler: async (c, { body }) => {
    const lease = await leaseKey(presentedLeaseKey(c.req.raw.headers, body?.lease_token));
    if (lease === null) return missingKey("lease");
    const result = await budgetStub(c.env, lease.agentId).returnLease(lease.leaseTokenHash);
    if (!result.ok) return leaseRefusal(result);
    return { ...leaseJson(result.lease, result.agentRemainingMicros), returned_usd: microsToUsd(result.returnedMicros ?? 0) };
  },
});
