import { isRefusal, refuse, type Refusal } from "../errors/refusal";
import type { ApiShape } from "../providers/types";
import type { Caller } from "./authenticate";
import type { CallPlan } from "./call-plan";
import { anthropicPieces, embeddingPieces, openaiChatPieces } from "./estimate/collect-pieces";
import { promptMicrosBound, promptTokenBound } from "./estimate/prompt-bound";
import { loadEffectivePolicy } from "../policies/load-effective-policy";
import { loadProviders } from "./provider-directory";
import { resolveRoute } from "./route-model";
import { requestTexts } from "../safety/pipeline/request-texts";
import { safetyRefusal } from "../safety/pipeline/safety-refusal";
import { scanBody } from "../safety/pipeline/scan-body";
import { RedactionSession } from "../safety/redact/session";

export interface PlanInput {
  requestId: string;
  startedAt: number;
  shape: ApiShape;
  endpoint: "chat" | "embeddings";
  body: Readonly<Record<string, unknown>>;
  rawText: string;
  /** Audit tags from `x-iron-tags`. */
  tags: readonly string[];
}

/**
 * Routes a validated call, applies the input safety policy and bounds its prompt cost: everything the reservation
 * needs. A blocked input is refused here, before any reservation, so it costs nothing and never reaches the provider;
 * a redacted input replaces the body, so the adapters forward it and the prompt bound is computed on it.
 */
export async function planCall(env: Env, caller: Caller, input: PlanInput): Promise<CallPlan | Refusal> {
  const model = typeof input.body.model === "string" ? input.body.model : "";
  const [providers, policy] = await Promise.all([loadProviders(env, caller.agent.providerIds), loadEffectivePolicy(env, caller.agent.agentId)]);
  const route = resolveRoute(model, input.endpoint, caller.agent, providers, policy.allowModels);
  if (isRefusal(route)) return route;

  const session = new RedactionSession();
  const scan = await scanBody(input.body, requestTexts(input.body, input.shape, input.endpoint), policy.safety.input, "input", session);
  if (scan.block.length > 0) return safetyRefusal(scan.block, "input", scan.findings);
  const body = scan.body;
  let promptTokens: number;
  if (input.endpoint === "embeddings") {
    const { pieces, tokenIds } = embeddingPieces(body);
    promptTokens = promptTokenBound(pieces, route.price) + tokenIds;
  } else {
    const pieces = input.shape === "anthropic" ? anthropicPieces(body) : openaiChatPieces(body);
    promptTokens = promptTokenBound(pieces, route.price);
  }
  const usesPromptCache = input.rawText.includes('"cache_control"');
  const stream = body.stream === true;
  const streamOptions = body.stream_options;
  const agentWantsStreamUsage =
    typeof streamOptions === "object" && streamOptions !== null && (streamOptions as { include_usage?: unknown }).include_usage === true;
  const requested = input.shape === "anthropic" ? body.max_tokens : (body.max_completion_tokens ?? body.max_tokens);
  const choices = typeof body.n === "number" ? body.n : 1;
  if (input.endpoint === "embeddings" && stream) return refuse("invalid_request", "Embeddings cannot be streamed.", { field: "stream" });
  return {
    requestId: input.requestId,
    tags: input.tags,
    startedAt: input.startedAt,
    shape: input.shape,
    endpoint: input.endpoint,
    body,
    stream,
    agentWantsStreamUsage,
    caller,
    route,
    promptTokens,
    inputMicros: promptMicrosBound(promptTokens, route.price, usesPromptCache),
    choices,
    requestedMaxTokens: typeof requested === "number" ? requested : null,
    safety: { output: policy.safety.output, findings: scan.findings, warn: scan.warn, session },
  };
}
