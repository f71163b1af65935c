import { errorResponse } from "../errors/render";
import { refuse } from "../errors/refusal";
import type { ProviderAdapter, UpstreamCall } from "../providers/types";
import { completionTexts } from "../safety/pipeline/completion-texts";
import { safetyRefusal } from "../safety/pipeline/safety-refusal";
import { scanBody } from "../safety/pipeline/scan-body";
import type { CallPlan, Grant } from "./call-plan";
import type { AuditFinding } from "../safety/pipeline/types";
import type { SafetyCategory } from "../safety/types";
import { successHeaders } from "./success-headers";
import { settleCall } from "./settle-call";

const MAX_UPSTREAM_BYTES = 32 * 1024 * 1024;

/**
 * A successful non-streaming upstream response: translate, apply the output safety policy to what the agent would
 * receive, answer, settle off the response path. A blocked output is replaced by a `safety_blocked` error but still
 * settles at what the provider billed: the provider was paid.
 */
export async function respondJson(
  env: Env,
  ctx: ExecutionContext,
  plan: CallPlan,
  grant: Grant,
  adapter: ProviderAdapter,
  call: UpstreamCall,
  upstream: Response,
): Promise<Response> {
  const ttfbMs = Date.now() - plan.startedAt;
  const text = await upstream.text();
  let json: unknown;
  try {
    if (text.length > MAX_UPSTREAM_BYTES) throw new Error("too large");
    json = JSON.parse(text);
  } catch {
    ctx.waitUntil(settleCall(env, ctx, plan, grant, { status: 502, outcome: "upstream_error", usage: null, errorCode: "upstream_error", ttfbMs }));
    return errorResponse(plan.shape, refuse("upstream_error", "The provider returned a response that is not valid JSON."), plan.requestId);
  }
  const translated = adapter.translateResponse(json, call);
  const output = await scanOutput(plan, translated.body);
  if (output.block.length > 0) {
    const refusal = safetyRefusal(output.block, "output", output.findings);
    ctx.waitUntil(settleCall(env, ctx, plan, grant, { status: refusal.status, outcome: "safety_blocked", usage: translated.usage, errorCode: refusal.code, ttfbMs, safetyFindings: output.findings }));
    return errorResponse(plan.shape, refusal, plan.requestId);
  }
  ctx.waitUntil(settleCall(env, ctx, plan, grant, { status: 200, outcome: "ok", usage: translated.usage, ttfbMs, safetyFindings: output.findings }));
  const headers = successHeaders(plan, grant, output.warn);
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify(output.body), { status: 200, headers });
}

/** Embeddings (vectors) and non-object bodies carry no text to scan. */
async function scanOutput(plan: CallPlan, body: unknown): Promise<{ body: unknown; block: SafetyCategory[]; warn: SafetyCategory[]; findings: AuditFinding[] }> {
  if (plan.endpoint !== "chat" || typeof body !== "object" || body === null || Array.isArray(body)) return { body, block: [], warn: [], findings: [] };
  const record = body as Record<string, unknown>;
  return scanBody(record, completionTexts(record, plan.shape), plan.safety.output, "output", plan.safety.session);
}
