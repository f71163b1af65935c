import type { ProviderAdapter, StreamTranslator, UpstreamCall } from "../types";
import { buildAnthropicRequest } from "./build-request";
import { parseAnthropicError } from "./parse-error";
import { anthropicPassthroughStream } from "./stream-passthrough";
import { anthropicToOpenAIStream } from "./stream-to-openai";
import { translateAnthropicResponse } from "./translate-response";

/** Anthropic's messages API (`baseUrl` like `https://api.anthropic.com`). */
export const anthropicAdapter: ProviderAdapter = {
  vendor: "anthropic",
  buildRequest: buildAnthropicRequest,
  translateResponse: translateAnthropicResponse,
  streamTranslator(call: UpstreamCall): StreamTranslator {
    return call.inbound === "anthropic" ? anthropicPassthroughStream() : anthropicToOpenAIStream(call);
  },
  parseError: parseAnthropicError,
};
