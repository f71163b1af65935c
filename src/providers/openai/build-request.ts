import type { UpstreamCall } from "../types";
import { ProviderRequestError } from "../errors";
import { joinUrl } from "../shared/endpoint-url";
import { anthropicToOpenAIRequest } from "./from-anthropic-request";
import { openaiPassthroughBody } from "./passthrough-body";

/**
 * The upstream request for an OpenAI(-compatible) provider: `${baseUrl}/chat/completions` or `/embeddings`,
 * bearer auth from `call.apiKey`, and no header of the agent's.
 */
export function buildOpenAIRequest(call: UpstreamCall): Request {
  if (call.endpoint === "embeddings" && call.inbound !== "openai") {
    throw new ProviderRequestError("Embeddings are only available in the OpenAI shape");
  }
  const body = call.inbound === "openai" ? openaiPassthroughBody(call) : anthropicToOpenAIRequest(call);
  const path = call.endpoint === "embeddings" ? "/embeddings" : "/chat/completions";
  return new Request(joinUrl(call.baseUrl, path), {
    method: "POST",
    headers: {
      authorization: `Bearer ${call.apiKey}`,
      "content-type": "application/json",
      accept: call.stream ? "text/event-stream" : "application/json",
    },
    body: JSON.stringify(body),
  });
}
