import { recordRequest } from "../audit/request-record";
import { nowIso } from "../db/ids";
import type { Refusal } from "../errors/refusal";
import type { ApiShape } from "../providers/types";

/** The audit record of a request refused before anything was reserved or forwarded (cost 0). */
export function recordRefusal(
  env: Env,
  ctx: ExecutionContext,
  info: { requestId: string; startedAt: number; shape: ApiShape; endpoint: string; agentId: string | null; model: string | null },
  refusal: Refusal,
): void {
  recordRequest(env, ctx, {
    id: info.requestId,
    agentId: info.agentId,
    providerId: null,
    model: info.model,
    apiShape: info.shape,
    endpoint: info.endpoint,
    stream: false,
    status: refusal.status,
    outcome: "refused",
    errorCode: refusal.code,
    inputTokens: 0,
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    outputTokens: 0,
    reasoningTokens: 0,
    reservedMicros: 0,
    costMicros: 0,
    usageSource: null,
    maxTokens: null,
    latencyMs: Date.now() - info.startedAt,
    ttfbMs: null,
    priceVersion: null,
    createdAt: nowIso(),
  });
}
