import type { ProviderAdapter, StreamTranslator, UpstreamCall } from "../types";
import { buildOpenAIRequest } from "./build-request";
import { parseOpenAIError } from "./parse-error";
import { openaiPassthroughStream } from "./stream-passthrough";
import { openaiToAnthropicStream } from "./stream-to-anthropic";
import { translateOpenAIResponse } from "./translate-response";

/** OpenAI and any OpenAI-compatible upstream (`baseUrl` ends with `/v1`). */
export const openaiAdapter: ProviderAdapter = {
  vendor: "openai",
  buildRequest: buildOpenAIRequest,
  translateResponse: translateOpenAIResponse,
  streamTranslator(call: UpstreamCall): StreamTranslator {
    return call.inbound === "openai" ? openaiPassthroughStream(call) : openaiToAnthropicStream(call);
  },
  parseError: parseOpenAIError,
};
