import { z } from "zod";
import { defineRoute } from "../control/openapi/route";
import { newId } from "../db/ids";
import { usdToMicros } from "../pricing/cost";
import { budgetStub } from "../services/agents/budget-stub";
import { generateLeaseToken } from "../tokens/lease-token";
import { hashToken } from "../tokens/opaque-token";
import { leaseParent, presentedKey } from "./credentials";
import { LEASE_REFUSAL_CODES, leaseRefusal, missingKey } from "./lease-errors";
import { leaseJson, leaseSchema } from "./lease-view";
import { LEASE_AUDIT } from "./protocol-notes";

const token = z.string().min(1).max(512);

/**
 * `POST /api/v1/budget/handshake`: lends a slice of the agent's budget (or, with a lease token, of that lease:
 * a nested lease) as a new lease. The lease token is in this response only. No provider key is ever handed out.
 */
export const handshakeRoute = defineRoute({
  method: "post",
  path: "/budget/handshake",
  operationId: "openBudgetLease",
  summary: "Open a lease: borrow a slice of an agent's budget",
  description:
    "Authenticates with the agent token (ic_…) or, for a nested lease, a lease token (icl_…), not with a control-API " +
    "login: `agent_token` in the body, else `Authorization: Bearer` or `x-api-key`. Grants at most what the parent has " +
    "available (less than requested when it is short; BUDGET_EXCEEDED when nothing is left). The lease token is shown " +
    "only in this answer; use it as the API key of gateway calls, or as `x-iron-lease` next to the agent token. " +
    "Refusals carry `x-iron-budget-remaining-usd` and `x-iron-lease-remaining-usd`. " + LEASE_AUDIT,
  tags: ["budget"],
  role: "public",
  status: 201,
  audit: false,
  body: z.strictObject({
    agent_token: token.optional().meta({ description: "The agent token (or a lease token); or send it as a header." }),
    requested_usd: z.number().positive().max(1_000_000).meta({ description: "USD to borrow, e.g. 5." }),
    ttl_seconds: z.number().int().min(10).max(86_400).default(900).meta({ description: "Lifetime; unspent budget returns at expiry." }),
  }),
  response: leaseSchema.extend({ lease_token: z.string().meta({ description: "icl_…: shown once." }) }).meta({ id: "OpenedBudgetLease" }),
  errors: LEASE_REFUSAL_CODES,
  handler: async (c, { body }) => {
    const key = presentedKey(c.req.raw.headers, body.agent_token);
    const parent = key === null ? null : await leaseParent(c.env, key);
    if (parent === null) return missingKey("agent or lease");
    const leaseToken = generateLeaseToken(parent.agentId);
    const result = await budgetStub(c.env, parent.agentId).openLease({
      agentId: parent.agentId,
      spender: parent.spender,
      leaseId: newId("lse"),
      leaseTokenHash: await hashToken(leaseToken),
      requestedMicros: usdToMicros(body.requested_usd),
      ttlMs: body.ttl_seconds * 1000,
    });
    if (!result.ok) return leaseRefusal(result);
    return { ...leaseJson(result.lease, result.agentRemainingMicros), lease_token: leaseToken };
  },
});
