import { refuse, type Refusal } from "../errors/refusal";
import type { UpstreamErrorInfo } from "../providers/types";

/**
 * An upstream error, passed back in the caller's shape. The provider's own credentials problems are
 * never shown as the agent's (a 401 from upstream is a gateway-side fault: 502).
 */
export function upstreamRefusal(info: UpstreamErrorInfo, upstreamHeaders: Headers): Refusal {
  const message = `Provider error: ${info.message}`;
  if (info.status === 429) {
    const retryAfter = upstreamHeaders.get("retry-after");
    return refuse("rate_limited", `The provider is rate limiting requests. ${message}`, {
      headers: { "x-should-retry": "true", ...(retryAfter !== null && /^\d+$/.test(retryAfter) ? { "retry-after": retryAfter } : {}) },
    });
  }
  if (info.status === 401 || info.status === 403) {
    return refuse("upstream_error", "The provider refused the gateway's credentials. An admin must check this provider's key.", { headers: { "x-should-retry": "false" } });
  }
  if (info.status >= 400 && info.status < 500) {
    return refuse("invalid_request", message, { status: info.status === 404 ? 404 : 400 });
  }
  return refuse("upstream_error", message, { status: info.status === 504 ? 504 : 502, headers: { "x-should-retry": "true" } });
}
