import type { Context } from "hono";
import { z } from "zod";
import { controlError } from "../errors/control-error";
import { usdToMicros } from "../pricing/cost";
import { budgetStub } from "../services/agents/budget-stub";
import { leaseKey, presentedKey } from "./credentials";
import { leaseRefusal } from "./lease-errors";
import { leaseJson } from "./lease-view";
import { readBody } from "./read-body";

const schema = z.object({
  lease_token: z.string().optional(),
  requested_usd: z.number().min(0).max(1_000_000).default(0),
  ttl_seconds: z.number().int().min(10).max(86_400).optional(),
});

/** `POST /api/v1/budget/refresh`: more budget for a lease and/or a later expiry; refused when the parent has none left. */
export async function refresh(c: Context<{ Bindings: Env }>): Promise<Response> {
  const body = await readBody(c, schema);
  if (body instanceof Response) return body;
  const lease = await leaseKey(presentedKey(c.req.raw.headers, body.lease_token));
  if (lease === null) return controlError(401, "INVALID_TOKEN", "A lease token (icl_…) is required.");
  const result = await budgetStub(c.env, lease.agentId).refreshLease(lease.leaseTokenHash, usdToMicros(body.requested_usd), body.ttl_seconds === undefined ? null : body.ttl_seconds * 1000);
  if (!result.ok) return leaseRefusal(result);
  return c.json(leaseJson(result.lease, result.agentRemainingMicros));
}
