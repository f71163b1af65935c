import { z } from "zod";
import { defineRoute } from "../control/openapi/route";
import { usdToMicros } from "../pricing/cost";
import { budgetStub } from "../services/agents/budget-stub";
import { leaseKey, presentedLeaseKey } from "./credentials";
import { LEASE_REFUSAL_CODES, leaseRefusal, missingKey } from "./lease-errors";
import { leaseJson, leaseSchema } from "./lease-view";
import { LEASE_AUDIT, LEASE_AUTH } from "./protocol-notes";

/** `POST /api/v1/budget/refresh`: more budget for a lease and/or a later expiry; refused when the parent has none left. */
export const refreshRoute = defineRoute({
  method: "post",
  path: "/budget/refresh",
  operationId: "refreshBudgetLease",
  summary: "Refresh a lease: more budget and/or a later expiry",
  description:
    `${LEASE_AUTH} Adds up to \`requested_usd\` from the parent (less when it is short; BUDGET_EXCEEDED when it has ` +
    "nothing left) and, with `ttl_seconds`, moves the expiry to that many seconds from now. An empty body refreshes " +
    "nothing and just returns the lease. Refusals carry `x-iron-budget-remaining-usd` and `x-iron-lease-remaining-usd`. " + LEASE_AUDIT,
  tags: ["budget"],
  role: "public",
  audit: false,
  // Optional: a client that authenticates by header may send no body at all.
  body: z
    .strictObject({
      lease_token: z.string().min(1).max(512).optional(),
      requested_usd: z.number().min(0).max(1_000_000).default(0),
      ttl_seconds: z.number().int().min(10).max(86_400).optional(),
    })
    .optional(),
  response: leaseSchema,
  errors: LEASE_REFUSAL_CODES,
  handler: async (c, { body }) => {
    const lease = await leaseKey(presentedLeaseKey(c.req.raw.headers, body?.lease_token));
    if (lease === null) return missingKey("lease");
    const ttlMs = body?.ttl_seconds === undefined ? null : body.ttl_seconds * 1000;
    const result = await budgetStub(c.env, lease.agentId).refreshLease(lease.leaseTokenHash, usdToMicros(body?.requested_usd ?? 0), ttlMs);
    if (!result.ok) return leaseRefusal(result);
    return leaseJson(result.lease, result.agentRemainingMicros);
  },
});
