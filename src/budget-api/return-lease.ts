import type { Context } from "hono";
import { z } from "zod";
import { controlError } from "../errors/control-error";
import { microsToUsd } from "../pricing/cost";
import { budgetStub } from "../services/agents/budget-stub";
import { leaseKey, presentedKey } from "./credentials";
import { leaseRefusal } from "./lease-errors";
import { leaseJson } from "./lease-view";
import { readBody } from "./read-body";

const schema = z.object({ lease_token: z.string().optional() });

/** `POST /api/v1/budget/return`: closes a lease; what it did not spend flows back to its parent at once. */
export async function returnLease(c: Context<{ Bindings: Env }>): Promise<Response> {
  const body = await readBody(c, schema);
  if (body instanceof Response) return body;
  const lease = await leaseKey(presentedKey(c.req.raw.headers, body.lease_token));
  if (lease === null) return controlError(401, "INVALID_TOKEN", "A lease token (icl_…) is required.");
  const result = await budgetStub(c.env, lease.agentId).returnLease(lease.leaseTokenHash);
  if (!result.ok) return leaseRefusal(result);
  return c.json({ ...leaseJson(result.lease, result.agentRemainingMicros), returned_usd: microsToUsd(result.returnedMicros ?? 0) });
}
