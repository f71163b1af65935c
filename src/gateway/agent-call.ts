import type { Context } from "hono";
import type { z } from "zod";
import { loadMasterKey } from "../crypto/master-key";
import { newId } from "../db/ids";
import { errorResponse } from "../errors/render";
import { isRefusal, refuse, type Refusal } from "../errors/refusal";
import type { ApiShape } from "../providers/types";
import { refusalFindings } from "../safety/pipeline/safety-refusal";
import { authenticate } from "./authenticate";
import { forwardCall } from "./forward-call";
import { planCall } from "./plan-call";
import { readJsonBody } from "./read-json-body";
import { recordRefusal } from "./record-refusal";
import { requestTags } from "./request-tags";
import { reserveBudget } from "./reserve-budget";
import { fieldRefusal, upstreamOverrideRefusal } from "./schemas/field-refusal";

type Env_ = { Bindings: Env };

/**
 * The request path for every agent call (PRODUCT.md §3): authenticate → read and validate the body →
 * route and bound the cost → reserve in the agent's budget object → forward → settle and audit.
 * Refusals before the reservation cost nothing and are answered in the caller's API shape.
 */
export async function agentCall(c: Context<Env_>, shape: ApiShape, endpoint: "chat" | "embeddings", schema: z.ZodType): Promise<Response> {
  const env = c.env;
  const ctx = c.executionCtx;
  const requestId = newId("req");
  const startedAt = Date.now();
  let agentId: string | null = null;
  let model: string | null = null;
  let tags: readonly string[] = [];
  const refused = (refusal: Refusal): Response => {
    recordRefusal(env, ctx as ExecutionContext, { requestId, startedAt, shape, endpoint, agentId, model, tags }, refusal, refusalFindings(refusal));
    return errorResponse(shape, refusal, requestId);
  };

  const master = await loadMasterKey(env);
  if (master === null) return refused(refuse("service_misconfigured", "The gateway is not configured (master key missing or invalid)."));
  const caller = await authenticate(env, c.req.raw.headers);
  if (isRefusal(caller)) return refused(caller);
  agentId = caller.agent.agentId;
  const tagged = requestTags(c.req.raw.headers);
  if (isRefusal(tagged)) return refused(tagged);
  tags = tagged;

  const read = await readJsonBody(c.req.raw, Number.parseInt(env.IRON_MAX_BODY_BYTES, 10));
  if (isRefusal(read)) return refused(read);
  model = typeof read.body.model === "string" ? read.body.model.slice(0, 200) : null;
  const override = upstreamOverrideRefusal(read.body);
  if (override !== null) return refused(override);
  const valid = schema.safeParse(read.body);
  if (!valid.success) return refused(fieldRefusal(valid.error));

  const plan = await planCall(env, caller, { requestId, startedAt, shape, endpoint, body: read.body, rawText: read.text, tags });
  if (isRefusal(plan)) return refused(plan);
  const grant = await reserveBudget(env, plan, 1);
  if (isRefusal(grant)) return refused(grant);
  return forwardCall(env, ctx as ExecutionContext, plan, grant, master, {
    headersMs: Number.parseInt(env.IRON_UPSTREAM_TIMEOUT_MS, 10),
    streamIdleMs: Number.parseInt(env.IRON_STREAM_IDLE_TIMEOUT_MS, 10),
  });
}
