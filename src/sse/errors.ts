/** Which bound an SSE stream exceeded. */
export type SseLimitKind = "line" | "event";

/**
 * Raised by the SSE parser when a line (or one event's accumulated data) exceeds its byte cap.
 * The only error the parser ever throws; the parser is unusable afterwards.
 */
export class SseLimitError extends Error {
  override readonly name = "SseLimitError";
  constructor(
    readonly kind: SseLimitKind,
    readonly limitBytes: number,
  ) {
    super(`SSE ${kind} exceeds ${limitBytes} bytes`);
  }
}
