import { exports } from "cloudflare:workers";
import { canaryViolations } from "./canary";

export const GATEWAY = "http://gateway.test";

/**
 * Calls the Worker under test (in-process, real bindings). Every response's headers and body (as the test
 * reads it) are checked for canary provider keys (see canary.ts).
 */
export async function gatewayFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const request = new Request(typeof input === "string" && input.startsWith("/") ? `${GATEWAY}${input}` : input, init);
  const response = await exports.default.fetch(request);
  for (const [name, value] of response.headers) canaryViolations.check(`response header ${name}`, value);
  const body = response.body === null ? null : (response.body as ReadableStream<Uint8Array>).pipeThrough(canaryInspector());
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** Passes chunks through unchanged (as they arrive) and checks the whole text for canaries at the end. */
function canaryInspector(): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  let text = "";
  return new TransformStream({
    transform(chunk, controller) {
      text += decoder.decode(chunk, { stream: true });
      controller.enqueue(chunk);
    },
    flush() {
      canaryViolations.check("response body", text + decoder.decode());
    },
  });
}

export function jsonPost(path: string, token: string | null, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return gatewayFetch(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
