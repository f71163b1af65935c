import { recordRequest } from "../audit/request-record";
import { nowIso } from "../db/ids";
import { costMicros, type TokenUsage } from "../pricing/cost";
import { budgetStub } from "../services/agents/budget-stub";
import type { CallPlan, Grant } from "./call-plan";

export type Outcome = "ok" | "upstream_error" | "client_aborted" | "incomplete";

export interface CallResult {
  status: number;
  outcome: Outcome;
  /** Provider-reported usage; `null` = unknown, charged the whole reservation. */
  usage: TokenUsage | null;
  /** True when the provider cannot have billed (it refused the call): charged nothing. */
  notBilled?: boolean;
  errorCode?: string;
  ttfbMs?: number;
}

/**
 * Settles a reservation with what the provider billed and writes the audit record. Usage unknown →
 * the whole reservation is charged (never zero). Runs off the response path.
 */
export async function settleCall(env: Env, ctx: ExecutionContext, plan: CallPlan, grant: Grant, result: CallResult): Promise<void> {
  const cost = result.notBilled === true ? 0 : result.usage === null ? grant.amountMicros : costMicros(result.usage, plan.route.price);
  const source = result.usage === null && result.notBilled !== true ? "reservation" : "provider";
  await budgetStub(env, plan.caller.agent.agentId).settle({ reservationId: grant.reservationId, costMicros: cost, source });
  const usage = result.usage;
  recordRequest(env, ctx, {
    id: plan.requestId,
    agentId: plan.caller.agent.agentId,
    providerId: plan.route.provider.id,
    model: plan.route.model,
    apiShape: plan.shape,
    endpoint: plan.endpoint,
    stream: plan.stream,
    status: result.status,
    outcome: result.outcome,
    errorCode: result.errorCode ?? null,
    inputTokens: usage?.input ?? 0,
    cachedInputTokens: usage?.cachedInput ?? 0,
    cacheWriteTokens: usage?.cacheWrite ?? 0,
    outputTokens: usage?.output ?? 0,
    reasoningTokens: usage?.reasoning ?? 0,
    reservedMicros: grant.amountMicros,
    costMicros: cost,
    usageSource: source,
    maxTokens: plan.endpoint === "chat" ? grant.maxTokens : null,
    latencyMs: Date.now() - plan.startedAt,
    ttfbMs: result.ttfbMs ?? null,
    priceVersion: plan.route.price.tableVersion,
    createdAt: nowIso(),
  });
}
