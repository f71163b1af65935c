import { errorResponse } from "../errors/render";
import type { MasterKey } from "../crypto/master-key";
import { ProviderRequestError } from "../providers/errors";
import { adapterFor } from "../providers/registry";
import { refuse } from "../errors/refusal";
import type { UpstreamCall } from "../providers/types";
import type { CallPlan, Grant } from "./call-plan";
import { fetchUpstream } from "./fetch-upstream";
import { decryptProviderKey } from "./provider-key";
import { respondJson } from "./respond-json";
import { respondStream } from "./respond-stream";
import { settleCall } from "./settle-call";
import { upstreamRefusal } from "./upstream-refusal";

export interface Timeouts {
  headersMs: number;
  streamIdleMs: number;
}

/** Sends one reserved attempt upstream and answers the agent. Every outcome settles the reservation exactly once. */
export async function forwardCall(env: Env, ctx: ExecutionContext, plan: CallPlan, grant: Grant, master: MasterKey, timeouts: Timeouts): Promise<Response> {
  const adapter = adapterFor(plan.route.price.vendor);
  const call: UpstreamCall = {
    inbound: plan.shape,
    endpoint: plan.endpoint,
    body: plan.body,
    model: plan.route.model,
    maxTokens: plan.endpoint === "chat" ? grant.maxTokens : null,
    stream: plan.stream,
    agentWantsStreamUsage: plan.agentWantsStreamUsage,
    baseUrl: plan.route.provider.baseUrl,
    apiKey: await decryptProviderKey(master, plan.route.provider),
  };
  let request: Request;
  try {
    request = adapter.buildRequest(call);
  } catch (error) {
    if (!(error instanceof ProviderRequestError)) throw error;
    // The request cannot be expressed in the upstream's shape: nothing is sent, nothing is charged.
    const refusal = refuse("invalid_request", error.message);
    ctx.waitUntil(settleCall(env, ctx, plan, grant, { status: refusal.status, outcome: "upstream_error", usage: null, notBilled: true, errorCode: refusal.code }));
    return errorResponse(plan.shape, refusal, plan.requestId);
  }
  const upstream = await fetchUpstream(request, timeouts.headersMs);
  if (!(upstream instanceof Response)) {
    const { refusal, mayHaveBilled } = upstream;
    ctx.waitUntil(settleCall(env, ctx, plan, grant, { status: refusal.status, outcome: "upstream_error", usage: null, notBilled: !mayHaveBilled, errorCode: refusal.code }));
    return errorResponse(plan.shape, refusal, plan.requestId);
  }
  if (!upstream.ok) {
    const info = adapter.parseError(upstream.status, await upstream.text());
    const refusal = upstreamRefusal(info, upstream.headers);
    // Providers do not bill calls they refuse.
    ctx.waitUntil(settleCall(env, ctx, plan, grant, { status: refusal.status, outcome: "upstream_error", usage: null, notBilled: true, errorCode: refusal.code }));
    return errorResponse(plan.shape, refusal, plan.requestId);
  }
  return plan.stream
    ? respondStream(env, ctx, plan, grant, adapter, call, upstream, timeouts.streamIdleMs)
    : respondJson(env, ctx, plan, grant, adapter, call, upstream);
}
