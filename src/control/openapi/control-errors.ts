/**
 * The control API's error codes (PRODUCT.md §5: `{"error":{"code":"UPPER_SNAKE","message":"…","fields":{…}}}`).
 * A route declares the codes it may return; its OpenAPI responses are derived from them, and the handler's
 * refusals are typed to them. The code decides the HTTP status.
 */
export const CONTROL_ERRORS = {
  VALIDATION_ERROR: { status: 400, description: "The request's path, query or body is invalid; `fields` names every problem." },
  UNAUTHORIZED: { status: 401, description: "No valid credentials." },
  FORBIDDEN: { status: 403, description: "The caller's role or ownership does not allow this." },
  NOT_FOUND: { status: 404, description: "No such object (or not visible to the caller)." },
  CONFLICT: { status: 409, description: "The change conflicts with the current state." },
  CONFIRMATION_REQUIRED: { status: 409, description: "The change needs an explicit confirmation (e.g. `force: true`)." },
  PAYLOAD_TOO_LARGE: { status: 413, description: "The request body is larger than this route accepts." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, description: "The request body must be `application/json`." },
  RATE_LIMITED: { status: 429, description: "Too many requests; see `retry-after`." },
  INTERNAL_ERROR: { status: 500, description: "An unexpected error; nothing was changed." },
} as const satisfies Record<string, { status: number; description: string }>;

export type ControlErrorCode = keyof typeof CONTROL_ERRORS;

/** An expected refusal of a control-API call, as a value; the mounted route renders it. */
export interface ControlRefusal<C extends ControlErrorCode = ControlErrorCode> {
  readonly kind: "control_refusal";
  readonly code: C;
  readonly status: number;
  readonly message: string;
  readonly fields?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
}

export function controlRefusal<C extends ControlErrorCode>(
  code: C,
  message: string,
  extra: { fields?: Record<string, string>; headers?: Record<string, string> } = {},
): ControlRefusal<C> {
  const refusal: { -readonly [K in keyof ControlRefusal<C>]: ControlRefusal<C>[K] } = { kind: "control_refusal", code, status: CONTROL_ERRORS[code].status, message };
  if (extra.fields !== undefined) refusal.fields = extra.fields;
  if (extra.headers !== undefined) refusal.headers = extra.headers;
  return refusal;
}

export function isControlRefusal(value: unknown): value is ControlRefusal {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "control_refusal";
}
