import { errorBody } from "../errors/render";
import type { Refusal } from "../errors/refusal";
import type { ApiShape, SseEvent } from "../providers/types";

/** A well-formed error event that ends a stream, in the caller's API shape. */
export function streamErrorEvent(shape: ApiShape, refusal: Refusal): SseEvent {
  const data = JSON.stringify(errorBody(shape, refusal));
  return shape === "anthropic" ? { event: "error", data } : { data };
}
