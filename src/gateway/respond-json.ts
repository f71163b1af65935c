import { errorResponse } from "../errors/render";
import { refuse } from "../errors/refusal";
import type { ProviderAdapter, UpstreamCall } from "../providers/types";
import type { CallPlan, Grant } from "./call-plan";
import { successHeaders } from "./success-headers";
import { settleCall } from "./settle-call";

const MAX_UPSTREAM_BYTES = 32 * 1024 * 1024;

/** A successful non-streaming upstream response: translate, answer, settle off the response path. */
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
  ctx.waitUntil(settleCall(env, ctx, plan, grant, { status: 200, outcome: "ok", usage: translated.usage, ttfbMs }));
  const headers = successHeaders(plan, grant);
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify(translated.body), { status: 200, headers });
}
