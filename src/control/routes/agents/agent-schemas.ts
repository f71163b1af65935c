import { z } from "zod";
import { usdText } from "../shared";
import { RISK_LEVELS } from "../shared/risk-level";

export const agentIdParams = z.object({ id: z.string().regex(/^agt_[0-9A-Za-z]{1,40}$/, "An agent id (agt_…).") });
export const userId = z.string().regex(/^usr_[0-9A-Za-z]{1,40}$/, "A user id (usr_…).");
export const projectId = z.string().regex(/^prj_[0-9A-Za-z]{1,40}$/, "A project id (prj_…).");

export const agentName = z.string().trim().min(1).max(100);
export const providerIds = z.array(z.string().regex(/^prov_[0-9A-Za-z]{1,40}$/, "A provider id (prov_…).")).max(50).refine((ids) => new Set(ids).size === ids.length, "Each provider once.");
export const allowedModels = z.array(z.string().min(1).max(200)).max(500).nullable().meta({ description: "Models the agent may call; null = every model its providers serve." });
export const disconnectPolicy = z.enum(["drain", "bill_reservation"]).meta({ description: "A stream whose client hangs up: `drain` reads on to the provider's usage; `bill_reservation` stops and charges the whole reservation." });
export const agentStatus = z.enum(["active", "suspended", "deleted"]);

const limitValue = z.number().int().min(1).max(1_000_000_000).nullable();
/** Request form: all three, each a positive whole number or null (unlimited). */
export const rateLimitsInput = z.strictObject({
  requests_per_minute: limitValue,
  tokens_per_minute: limitValue,
  concurrent_requests: limitValue,
});
export const rateLimitsJson = z
  .object({ requests_per_minute: z.number().int().nullable(), tokens_per_minute: z.number().int().nullable(), concurrent_requests: z.number().int().nullable() })
  .meta({ id: "AgentRateLimits", description: "Checked by the agent's budget object on every request; null = unlimited." });

/** An agent as a list shows it: its configuration (live spend is on the single-agent read). */
export const agentSummaryJson = z
  .object({
    id: z.string(),
    name: z.string(),
    status: agentStatus,
    owner_id: z.string().nullable(),
    project_id: z.string().nullable(),
    provider_ids: z.array(z.string()),
    allowed_models: z.array(z.string()).nullable(),
    budget_usd: usdText,
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: "AgentSummary" });

/** One agent with its live budget (from its budget object) and its token's label — never the token. */
export const agentJson = agentSummaryJson
  .extend({
    disconnect_policy: disconnectPolicy,
    rate_limits: rateLimitsJson,
    spent_usd: usdText,
    reserved_usd: usdText,
    leased_out_usd: usdText,
    remaining_usd: usdText,
    percent_used: z.number().meta({ description: "Spent as a percentage of the budget (two decimals)." }),
    risk_level: z.enum(RISK_LEVELS).meta({ description: "low < 50 %, medium 50–79, high 80–94, critical 95–99, exhausted ≥ 100 % or nothing left." }),
    open_leases: z.number().int(),
    open_reservations: z.number().int(),
    token_label: z.string().nullable().meta({ description: "The live agent token's label (`ic_AbCd…`); null when revoked." }),
    token_created_at: z.string().nullable(),
  })
  .meta({ id: "Agent" });

/** The answer of a create: the agent and its token, shown this once. */
export const createdAgentJson = agentJson.extend({ token: z.string().meta({ description: "The agent token (`ic_…`). Shown once; store it now." }) }).meta({ id: "CreatedAgent" });

export const issuedTokenJson = z
  .object({
    agent_id: z.string(),
    token: z.string().meta({ description: "The new agent token (`ic_…`). Shown once; the previous one stopped working." }),
    token_label: z.string(),
    token_created_at: z.string(),
  })
  .meta({ id: "IssuedAgentToken" });

/** The request's limits in the budget object's terms. */
export function toRateLimits(input: z.output<typeof rateLimitsInput>): { requestsPerMinute: number | null; tokensPerMinute: number | null; concurrentRequests: number | null } {
  return { requestsPerMinute: input.requests_per_minute, tokensPerMinute: input.tokens_per_minute, concurrentRequests: input.concurrent_requests };
}
