import type { Context } from "hono";
import { newId } from "../db/ids";
import { errorResponse } from "../errors/render";
import { isRefusal } from "../errors/refusal";
import { loadEffectivePolicy } from "../policies/load-effective-policy";
import { lookupPrice, pricedModels } from "../pricing/lookup";
import { authenticate } from "./authenticate";
import { loadProviders } from "./provider-directory";
import { resolveRoute } from "./route-model";

/** `GET /v1/models`: the models this agent can use, in OpenAI shape (or Anthropic's, for Anthropic clients). */
export async function listModels(c: Context<{ Bindings: Env }>): Promise<Response> {
  const anthropic = c.req.header("anthropic-version") !== undefined;
  const shape = anthropic ? "anthropic" : "openai";
  const requestId = newId("req");
  const caller = await authenticate(c.env, c.req.raw.headers);
  if (isRefusal(caller)) return errorResponse(shape, caller, requestId);
  const [providers, policy] = await Promise.all([loadProviders(c.env, caller.agent.providerIds), loadEffectivePolicy(c.env, caller.agent.agentId)]);
  const usable = pricedModels().filter((model) => {
    const kind = lookupPrice(model)?.kind === "embedding" ? "embeddings" : "chat";
    return !isRefusal(resolveRoute(model, kind, caller.agent, providers, policy.allowModels));
  });
  const created = 1_700_000_000;
  const body = anthropic
    ? {
        data: usable.map((id) => ({ type: "model", id, display_name: id, created_at: new Date(created * 1000).toISOString() })),
        has_more: false,
        first_id: usable[0] ?? null,
        last_id: usable.at(-1) ?? null,
      }
    : { object: "list", data: usable.map((id) => ({ id, object: "model", created, owned_by: lookupPrice(id)?.vendor ?? "unknown" })) };
  return c.json(body, 200, { "x-request-id": requestId });
}
