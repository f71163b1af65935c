import type { Context } from "hono";
import { z } from "zod";
import { newId } from "../db/ids";
import { controlError } from "../errors/control-error";
import { usdToMicros } from "../pricing/cost";
import { budgetStub } from "../services/agents/budget-stub";
import { generateLeaseToken } from "../tokens/lease-token";
import { hashToken } from "../tokens/opaque-token";
import { leaseParent, presentedKey } from "./credentials";
import { leaseRefusal } from "./lease-errors";
import { leaseJson } from "./lease-view";
import { readBody } from "./read-body";

const schema = z.object({
  agent_token: z.string().optional(),
  requested_usd: z.number().positive().max(1_000_000),
  ttl_seconds: z.number().int().min(10).max(86_400).default(900),
});

/**
 * `POST /api/v1/budget/handshake`: lends a slice of the agent's budget (or, with a lease token, of that lease:
 * a nested lease) as a new lease. The lease token is in this response only. No provider key is ever handed out.
 */
export async function handshake(c: Context<{ Bindings: Env }>): Promise<Response> {
  const body = await readBody(c, schema);
  if (body instanceof Response) return body;
  const key = presentedKey(c.req.raw.headers, body.agent_token);
  const parent = key === null ? null : await leaseParent(c.env, key);
  if (parent === null) return controlError(401, "INVALID_TOKEN", "An agent token (ic_…) or lease token (icl_…) is required.");
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
  return c.json({ ...leaseJson(result.lease, result.agentRemainingMicros), lease_token: leaseToken }, 201);
}
