import type { UpstreamCall } from "../types";
import { ProviderRequestError } from "../errors";
import { joinUrl } from "../shared/endpoint-url";
import { openaiToAnthropicRequest } from "./from-openai-request";
import { anthropicPassthroughBody } from "./passthrough-body";

export const ANTHROPIC_VERSION = "2023-06-01";

/**
 * The upstream request for Anthropic: `${baseUrl}/v1/messages` (a base URL that already ends in `/v1` is not
 * doubled), `x-api-key` from `call.apiKey`, a fixed `anthropic-version`, and no header of the agent's.
 */
export function buildAnthropicRequest(call: UpstreamCall): Request {
  if (call.endpoint !== "chat") throw new ProviderRequestError("Claude models do not offer embeddings");
  const body = call.inbound === "anthropic" ? anthropicPassthroughBody(call) : openaiToAnthropicRequest(call);
  const base = call.baseUrl.replace(/\/+$/, "").replace(/\/v1$/, "");
  return new Request(joinUrl(base, "/v1/messages"), {
    method: "POST",
    headers: {
      "x-api-key": call.apiKey,
      "anthropic-version": ANTHROPIC_VERSION,
      "content-type": "application/json",
      accept: call.stream ? "text/event-stream" : "application/json",
    },
    body: JSON.stringify(body),
  });
}
