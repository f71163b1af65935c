import type { TokenUsage } from "../pricing/cost";
import type { Vendor } from "../pricing/price-table";

/** The API shape an agent speaks: OpenAI chat/embeddings or Anthropic messages. */
export type ApiShape = "openai" | "anthropic";

/** One Server-Sent Event. `event` is absent for OpenAI's unnamed `data:` events. */
export interface SseEvent {
  event?: string;
  data: string;
}

/** What the gateway hands an adapter for one upstream attempt. Nothing here comes from agent-chosen hosts or headers. */
export interface UpstreamCall {
  /** Shape of the agent's request and of the response it expects back. */
  inbound: ApiShape;
  endpoint: "chat" | "embeddings";
  /** The validated inbound body; unknown fields are preserved for OpenAI-compatible upstreams. */
  body: Readonly<Record<string, unknown>>;
  /** Model name sent upstream. */
  model: string;
  /** Completion bound after the budget clamp; `null` for embeddings. */
  maxTokens: number | null;
  stream: boolean;
  /** Whether the agent asked for the usage frame (OpenAI `stream_options.include_usage`). */
  agentWantsStreamUsage: boolean;
  /** The provider's configured base URL, e.g. `https://api.openai.com/v1` or `https://api.anthropic.com`. */
  baseUrl: string;
  /** The decrypted provider key. Goes into the upstream auth header and nowhere else. */
  apiKey: string;
}

/** An upstream error, reduced to what can be shown to the agent (no upstream headers, no secrets). */
export interface UpstreamErrorInfo {
  status: number;
  type: string;
  message: string;
}

export interface TranslatedResponse {
  /** Body in the inbound shape. */
  body: unknown;
  /** Usage reported by the provider, or `null` when it reported none (charged the reservation). */
  usage: TokenUsage | null;
}

/** Stateful per-stream translator from upstream SSE events to events in the inbound shape. */
export interface StreamTranslator {
  /** One upstream event in, zero or more events out (already in the inbound shape). */
  push(event: SseEvent): SseEvent[];
  /** Events to send once the upstream ended normally (e.g. OpenAI `data: [DONE]`). */
  finish(): SseEvent[];
  /** Usage reported so far; `null` until the provider reports any. Output tokens may grow as deltas arrive. */
  usage(): TokenUsage | null;
  /** Completion text characters forwarded so far (for overproduction bounds). */
  outputChars(): number;
}

/** One folder per provider vendor implements this. */
export interface ProviderAdapter {
  vendor: Vendor;
  /** The upstream HTTP request for a call (URL from `baseUrl`, auth from `apiKey`, body translated as needed). */
  buildRequest(call: UpstreamCall): Request;
  /** A successful non-streaming upstream JSON body, translated to the inbound shape. */
  translateResponse(upstreamJson: unknown, call: UpstreamCall): TranslatedResponse;
  /** A translator for a successful streaming upstream response. */
  streamTranslator(call: UpstreamCall): StreamTranslator;
  /** An upstream error response (status + raw body text) reduced to a safe summary. */
  parseError(status: number, bodyText: string): UpstreamErrorInfo;
}
