import { z } from "zod";
import { controlRefusal } from "../control/openapi/control-errors";
import { defineRoute } from "../control/openapi/route";
import { costMicros, usdToMicros } from "../pricing/cost";
import { lookupPrice } from "../pricing/lookup";
import { budgetStub } from "../services/agents/budget-stub";
import { leaseKey, presentedLeaseKey } from "./credentials";
import { LEASE_REFUSAL_CODES, leaseRefusal, missingKey } from "./lease-errors";
import { leaseJson, leaseSchema } from "./lease-view";
import { LEASE_AUDIT, LEASE_AUTH } from "./protocol-notes";

const count = z.number().int().min(0).max(100_000_000);

/** `POST /api/v1/budget/report`: usage that happened outside the gateway, charged to a lease exactly once per event id. */
export const reportRoute = defineRoute({
  method: "post",
  path: "/budget/report",
  operationId: "reportBudgetUsage",
  summary: "Report usage spent outside the gateway against a lease",
  description:
    `${LEASE_AUTH} Charges the lease either \`cost_usd\` or the price of \`usage\` (exactly one of them), once per ` +
    "`event_id`: a repeated event id charges nothing and answers `duplicate: true`, so a client may retry freely. " + LEASE_AUDIT,
  tags: ["budget"],
  role: "public",
  audit: false,
  body: z
    .strictObject({
      lease_token: z.string().min(1).max(512).optional(),
      event_id: z.string().min(1).max(200).meta({ description: "The client's id of this usage event (idempotency key)." }),
      cost_usd: z.number().min(0).max(1_000_000).optional(),
      usage: z.strictObject({ model: z.string().min(1).max(200), input_tokens: count, output_tokens: count, cached_input_tokens: count.default(0) }).optional(),
    })
    .refine((b) => (b.cost_usd === undefined) !== (b.usage === undefined), { message: "give exactly one of cost_usd or usage", path: ["cost_usd"] }),
  response: leaseSchema.extend({ duplicate: z.boolean().meta({ description: "This event id was reported before; nothing was charged now." }) }).meta({ id: "ReportedBudgetUsage" }),
  errors: [...LEASE_REFUSAL_CODES, "MODEL_NOT_PRICED"],
  handler: async (c, { body }) => {
    const lease = await leaseKey(presentedLeaseKey(c.req.raw.headers, body.lease_token));
    if (lease === null) return missingKey("lease");
    let micros: number;
    if (body.usage !== undefined) {
      const price = lookupPrice(body.usage.model);
      if (price === null) return controlRefusal("MODEL_NOT_PRICED", `Model '${body.usage.model}' has no price; report cost_usd instead.`, { fields: { "usage.model": "not priced" } });
      const u = body.usage;
      micros = costMicros({ input: u.input_tokens, cachedInput: u.cached_input_tokens, cacheWrite: 0, output: u.output_tokens, reasoning: 0 }, price);
    } else {
      micros = usdToMicros(body.cost_usd ?? 0);
    }
    const result = await budgetStub(c.env, lease.agentId).reportUsage(lease.leaseTokenHash, body.event_id, micros);
    if (!result.ok) return leaseRefusal(result);
    return { ...leaseJson(result.lease, result.agentRemainingMicros), duplicate: result.duplicate === true };
  },
});
