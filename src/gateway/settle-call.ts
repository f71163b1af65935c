import { logRequest, type RequestRecord } from "../audit/request-record";
import { nowIso } from "../db/ids";
import { costMicros, type TokenUsage } from "../pricing/cost";
import { budgetStub } from "../services/agents/budget-stub";
import { serializeFindings } from "../safety/pipeline/serialize-findings";
import type { AuditFinding } from "../safety/pipeline/types";
import type { CallPlan, Grant } from "./call-plan";

export type Outcome = "ok" | "upstream_error" | "client_aborted" | "incomplete" | "overproduced" | "safety_blocked";

export interface CallResult {
  status: number;
  outcome: Outcome;
  /** Provider-reported usage; `null` = unknown, charged the whole reservation. */
  usage: TokenUsage | null;
  /** True when the provider cannot have billed (it refused the call): charged nothing. */
  notBilled?: boolean;
  /** Charge the whole reservation whatever the usage (disconnect policy `bill_reservation`). */
  billReservation?: boolean;
  errorCode?: string;
  ttfbMs?: number;
  /** Output findings (fingerprints only); the input findings come from the plan. */
  safetyFindings?: readonly AuditFinding[];
}

/**
 * Settles a reservation with what the provider billed and hands the audit record to the budget object, which
 * delivers it to D1 exactly once with the settlement. Usage unknown → the whole reservation is charged (never
 * zero). Runs off the response path.
 */
export async function settleCall(env: Env, _ctx: ExecutionContext, plan: CallPlan, grant: Grant, result: CallResult): Promise<void> {
  const usage = result.usage;
  const notBilled = result.notBilled === true;
  const charged = notBilled ? 0 : result.billReservation === true || usage === null ? grant.amountMicros : costMicros(usage, plan.route.price);
  const source = notBilled ? "none" : usage === null || result.billReservation === true ? "reservation" : "provider";
  const tokens = usage === null ? 0 : usage.input + usage.cachedInput + usage.cacheWrite + usage.output + usage.reasoning;
  const record: RequestRecord = {
    id: plan.requestId,
    agent_id: plan.caller.agent.agentId,
    lease_id: grant.poolId === "agent" ? null : grant.poolId,
    provider_id: plan.route.provider.id,
    model: plan.route.model,
    api_shape: plan.shape,
    endpoint: plan.endpoint,
    stream: plan.stream ? 1 : 0,
    status: result.status,
    outcome: result.outcome,
    error_code: result.errorCode ?? null,
    input_tokens: usage?.input ?? 0,
    cached_input_tokens: usage?.cachedInput ?? 0,
    cache_write_tokens: usage?.cacheWrite ?? 0,
    output_tokens: usage?.output ?? 0,
    reasoning_tokens: usage?.reasoning ?? 0,
    reserved_micros: grant.amountMicros,
    cost_micros: charged,
    usage_source: source,
    max_tokens: plan.endpoint === "chat" ? grant.maxTokens : null,
    latency_ms: Date.now() - plan.startedAt,
    ttfb_ms: result.ttfbMs ?? null,
    price_version: plan.route.price.tableVersion,
    safety: serializeFindings([...plan.safety.findings, ...(result.safetyFindings ?? [])]),
    tags: plan.tags.length === 0 ? null : JSON.stringify(plan.tags),
    created_at: nowIso(),
  };
  const settled = await budgetStub(env, plan.caller.agent.agentId).settle({ reservationId: grant.reservationId, costMicros: charged, source, tokens, record: { ...record } });
  logRequest(settled.ok ? { ...record, cost_micros: settled.costMicros } : record);
}
