import { ERROR_CODES, type ErrorCode } from "./codes";

/**
 * An expected refusal, as a value (not an exception). Handlers return it; the route renders it in the
 * caller's API shape. `message` is written for the agent's author and never contains a secret.
 */
export interface Refusal {
  readonly kind: "refusal";
  readonly code: ErrorCode;
  readonly status: number;
  readonly message: string;
  /** The request field at fault, for validation errors (OpenAI `param`). */
  readonly field?: string;
  /** Extra response headers (e.g. `retry-after`, `x-should-retry`, remaining budget). */
  readonly headers?: Readonly<Record<string, string>>;
}

export function refuse(
  code: ErrorCode,
  message: string,
  extra: { field?: string; headers?: Record<string, string>; status?: number } = {},
): Refusal {
  return { kind: "refusal", code, status: extra.status ?? ERROR_CODES[code].status, message, ...pick(extra) };
}

function pick(extra: { field?: string; headers?: Record<string, string> }): { field?: string; headers?: Record<string, string> } {
  const out: { field?: string; headers?: Record<string, string> } = {};
  if (extra.field !== undefined) out.field = extra.field;
  if (extra.headers !== undefined) out.headers = extra.headers;
  return out;
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "refusal";
}
