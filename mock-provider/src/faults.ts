import type { Directives } from "./directives";
import { anthropicError, openaiError, type Shape } from "./http";
import { MAX_WAIT_MS, sleepUnlessAborted } from "./stream-state";

/**
 * Faults answered before anything is generated: `error_500`, `error_503`, `rate_limit` and `hang`.
 * None of them is billed. Returns `null` when the request should proceed.
 */
export async function refusingFault(shape: Shape, d: Directives, signal: AbortSignal | undefined): Promise<Response | null> {
  const openai = shape === "openai";
  switch (d.fault) {
    case "error_500":
      return openai
        ? openaiError(500, "The server had an error while processing your request. Sorry about that!", "server_error")
        : anthropicError(500, "api_error", "Internal server error");
    case "error_503":
      return openai
        ? openaiError(503, "The engine is currently overloaded, please try again later.", "server_error")
        : anthropicError(503, "overloaded_error", "Overloaded");
    case "rate_limit": {
      const headers = { "retry-after": String(d.retryAfter) };
      return openai
        ? openaiError(429, "Rate limit reached for requests. Please try again later.", "requests", "rate_limit_exceeded", null, headers)
        : anthropicError(429, "rate_limit_error", "Number of requests has exceeded your rate limit.", headers);
    }
    case "hang":
      // No headers until the cap (or `request.signal` aborts: Miniflare does not propagate client aborts today).
      await sleepUnlessAborted(MAX_WAIT_MS, signal);
      return openai
        ? openaiError(504, "mock-provider: hang ended after 120 s", "server_error")
        : anthropicError(504, "api_error", "mock-provider: hang ended after 120 s");
    default:
      return null;
  }
}

/** `fault=slow_first_byte`: the (already billed) request waits `delay_ms` before sending its headers. */
export async function firstByteDelay(d: Directives, signal: AbortSignal | undefined): Promise<void> {
  if (d.fault === "slow_first_byte") await sleepUnlessAborted(d.delayMs, signal);
}
