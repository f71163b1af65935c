import { ERROR_CODES } from "./codes";
import type { Refusal } from "./refusal";
import type { ApiShape } from "../providers/types";

/** The error body for a refusal, in the caller's API shape. */
export function errorBody(shape: ApiShape, refusal: Refusal): unknown {
  const spec = ERROR_CODES[refusal.code];
  if (shape === "anthropic") {
    return { type: "error", error: { type: spec.anthropic, code: refusal.code, message: refusal.message } };
  }
  return { error: { message: refusal.message, type: spec.openai, param: refusal.field ?? null, code: refusal.code } };
}

/** A JSON error response in the caller's API shape, with the refusal's headers. */
export function errorResponse(shape: ApiShape, refusal: Refusal, requestId: string): Response {
  const headers = new Headers({ "content-type": "application/json", "x-request-id": requestId });
  // Only retryable refusals may be retried by SDKs; everything else tells them not to.
  headers.set("x-should-retry", refusal.code === "rate_limited" || refusal.code === "upstream_error" ? "true" : "false");
  for (const [name, value] of Object.entries(refusal.headers ?? {})) headers.set(name, value);
  return new Response(JSON.stringify(errorBody(shape, refusal)), { status: refusal.status, headers });
}
