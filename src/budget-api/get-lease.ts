import { controlRefusal } from "../control/openapi/control-errors";
import { defineRoute } from "../control/openapi/route";
import { budgetStub } from "../services/agents/budget-stub";
import { leaseKey, presentedLeaseKey } from "./credentials";
import { missingKey } from "./lease-errors";
import { leaseJson, leaseSchema } from "./lease-view";

/** `GET /api/v1/budget/lease`: the lease the presented lease token opens, as it stands now. */
export const getLeaseRoute = defineRoute({
  method: "get",
  path: "/budget/lease",
  operationId: "getBudgetLease",
  summary: "The current state of a lease",
  description:
    "Authenticates with the lease token itself (icl_…), not with a control-API login: the `x-iron-lease` header, else " +
    "`Authorization: Bearer` or `x-api-key` (never the query string, which ends up in logs). Changes nothing.",
  tags: ["budget"],
  role: "public",
  response: leaseSchema,
  errors: ["INVALID_TOKEN", "LEASE_NOT_FOUND"],
  handler: async (c) => {
    const lease = await leaseKey(presentedLeaseKey(c.req.raw.headers, undefined));
    if (lease === null) return missingKey("lease");
    const stub = budgetStub(c.env, lease.agentId);
    const view = await stub.lease(lease.leaseTokenHash);
    if (view === null) return controlRefusal("LEASE_NOT_FOUND", "No such lease.");
    const snapshot = await stub.snapshot(lease.agentId);
    return leaseJson(view, snapshot?.remainingMicros ?? 0);
  },
});
