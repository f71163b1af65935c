import type { Context } from "hono";
import { z } from "zod";
import { controlError } from "../errors/control-error";
import { costMicros, usdToMicros } from "../pricing/cost";
import { lookupPrice } from "../pricing/lookup";
import { budgetStub } from "../services/agents/budget-stub";
import { leaseKey, presentedKey } from "./credentials";
import { leaseRefusal } from "./lease-errors";
import { leaseJson } from "./lease-view";
import { readBody } from "./read-body";

const count = z.number().int().min(0).max(100_000_000);
const schema = z
  .object({
    lease_token: z.string().optional(),
    event_id: z.string().min(1).max(200),
    cost_usd: z.number().min(0).max(1_000_000).optional(),
    usage: z.object({ model: z.string().min(1), input_tokens: count, output_tokens: count, cached_input_tokens: count.default(0) }).optional(),
  })
  .refine((b) => (b.cost_usd === undefined) !== (b.usage === undefined), { message: "give exactly one of cost_usd or usage", path: ["cost_usd"] });

/** `POST /api/v1/budget/report`: usage that happened outside the gateway, charged to a lease exactly once per event id. */
export async function report(c: Context<{ Bindings: Env }>): Promise<Response> {
  const body = await readBody(c, schema);
  if (body instanceof Response) return body;
  const lease = await leaseKey(presentedKey(c.req.raw.headers, body.lease_token));
  if (lease === null) return controlError(401, "INVALID_TOKEN", "A lease token (icl_…) is required.");
  let micros: number;
  if (body.usage !== undefined) {
    const price = lookupPrice(body.usage.model);
    if (price === null) return controlError(400, "MODEL_NOT_PRICED", `Model '${body.usage.model}' has no price.`, { "usage.model": "not priced" });
    const u = body.usage;
    micros = costMicros({ input: u.input_tokens, cachedInput: u.cached_input_tokens, cacheWrite: 0, output: u.output_tokens, reasoning: 0 }, price);
  } else {
    micros = usdToMicros(body.cost_usd ?? 0);
  }
  const result = await budgetStub(c.env, lease.agentId).reportUsage(lease.leaseTokenHash, body.event_id, micros);
  if (!result.ok) return leaseRefusal(result);
  return c.json({ ...leaseJson(result.lease, result.agentRemainingMicros), duplicate: result.duplicate === true });
}
