import { requestLogWithRollup } from "../analytics/rollup-statement";
import { logRequest, type RequestRecord } from "../audit/request-record";
import { nowIso } from "../db/ids";
import type { Refusal } from "../errors/refusal";
import type { ApiShape } from "../providers/types";
import { serializeFindings } from "../safety/pipeline/serialize-findings";
import type { AuditFinding } from "../safety/pipeline/types";

/**
 * The audit record of a request refused before anything was reserved or forwarded (cost 0). Nothing reached the
 * budget object, so the row goes straight to D1 (off the response path), with its usage rollup in the same batch,
 * and its line to the Worker log. A safety block carries its findings (fingerprints only) into the record.
 */
export function recordRefusal(
  env: Env,
  ctx: ExecutionContext,
  info: { requestId: string; startedAt: number; shape: ApiShape; endpoint: string; agentId: string | null; model: string | null; tags?: readonly string[] },
  refusal: Refusal,
  safety: readonly AuditFinding[] = [],
): void {
  const record: RequestRecord = {
    id: info.requestId,
    agent_id: info.agentId,
    lease_id: null,
    provider_id: null,
    model: info.model,
    api_shape: info.shape,
    endpoint: info.endpoint,
    stream: 0,
    status: refusal.status,
    outcome: "refused",
    error_code: refusal.code,
    input_tokens: 0,
    cached_input_tokens: 0,
    cache_write_tokens: 0,
    output_tokens: 0,
    reasoning_tokens: 0,
    reserved_micros: 0,
    cost_micros: 0,
    usage_source: null,
    max_tokens: null,
    latency_ms: Date.now() - info.startedAt,
    ttfb_ms: null,
    price_version: null,
    safety: serializeFindings(safety),
    tags: info.tags === undefined || info.tags.length === 0 ? null : JSON.stringify(info.tags),
    created_at: nowIso(),
  };
  logRequest(record);
  ctx.waitUntil(
    env.DB.batch(requestLogWithRollup(env.DB, record))
      .then(() => undefined)
      .catch(() => { console.error(JSON.stringify({ event: "iron.audit_write_failed", request_id: record.id })); }),
  );
}
