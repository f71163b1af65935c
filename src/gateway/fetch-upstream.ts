import { refuse, type Refusal } from "../errors/refusal";

export interface UpstreamFailure {
  refusal: Refusal;
  /** Whether the provider may have processed (and billed) the call. */
  mayHaveBilled: boolean;
}

/**
 * Sends the upstream request, waiting at most `timeoutMs` for response headers. Redirects are not followed:
 * a provider URL that redirects elsewhere is an error, not a way to send the key to another host.
 */
export async function fetchUpstream(request: Request, timeoutMs: number): Promise<Response | UpstreamFailure> {
  const controller = new AbortController();
  const timer = setTimeout(() => { controller.abort(); }, timeoutMs);
  try {
    const response = await fetch(request, { signal: controller.signal, redirect: "manual" });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      return { refusal: refuse("upstream_error", "The provider answered with a redirect, which the gateway does not follow."), mayHaveBilled: false };
    }
    return response;
  } catch {
    if (controller.signal.aborted) {
      return { refusal: refuse("upstream_timeout", `The provider did not answer within ${timeoutMs} ms.`, { headers: { "x-should-retry": "true" } }), mayHaveBilled: true };
    }
    return { refusal: refuse("upstream_error", "The provider could not be reached.", { headers: { "x-should-retry": "true" } }), mayHaveBilled: false };
  } finally {
    clearTimeout(timer);
  }
}
