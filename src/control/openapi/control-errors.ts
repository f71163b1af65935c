/**
 * The control API's error codes (PRODUCT.md §5: `{"error":{"code":"UPPER_SNAKE","message":"…","fields":{…}}}`).
 * A route declares the codes it may return; its OpenAPI responses are derived from them, and the handler's
 * refusals are typed to them. The code decides the HTTP status.
 */
export const CONTROL_ERRORS = {
  VALIDATION_ERROR: { status: 400, description: "The request's path, query or body is invalid; `fields` names every problem." },
  LEASE_DEPTH_EXCEEDED: { status: 400, description: "Leases nest at most 8 levels deep." },
  UNAUTHORIZED: { status: 401, description: "No valid credentials." },
  INVALID_CREDENTIALS: { status: 401, description: "Wrong email or password (the two are not told apart)." },
  INVALID_TOKEN: { status: 401, description: "The token is malformed, unknown or revoked." },
  TOKEN_EXPIRED: { status: 401, description: "The token has expired; refresh the session or create a new token." },
  SESSION_REVOKED: { status: 401, description: "The login session has ended (logout, password or role change, suspension, refresh-token reuse)." },
  SESSION_EXPIRED: { status: 401, description: "The login session has expired: log in again." },
  FORBIDDEN: { status: 403, description: "The caller's role or ownership does not allow this." },
  ACCOUNT_SUSPENDED: { status: 403, description: "The account is suspended." },
  AGENT_SUSPENDED: { status: 403, description: "The agent is suspended." },
  SETUP_DISABLED: { status: 403, description: "The one-time setup flow is not enabled on this deployment." },
  NOT_FOUND: { status: 404, description: "No such object (or not visible to the caller)." },
  LEASE_NOT_FOUND: { status: 404, description: "No such lease." },
  CONFLICT: { status: 409, description: "The change conflicts with the current state." },
  CONFIRMATION_REQUIRED: { status: 409, description: "The change needs an explicit confirmation (e.g. `force: true`); the body previews its impact." },
  EMAIL_TAKEN: { status: 409, description: "A user with this email exists." },
  LAST_ADMIN: { status: 409, description: "The change would leave no active administrator." },
  SELF_ACTION_FORBIDDEN: { status: 409, description: "Administrators cannot do this to their own account." },
  SETUP_COMPLETED: { status: 409, description: "Setup is already complete." },
  LEASE_CLOSED: { status: 409, description: "The lease was returned or has expired." },
  PAYLOAD_TOO_LARGE: { status: 413, description: "The request body is larger than this route accepts." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, description: "The request body must be `application/json`." },
  RATE_LIMITED: { status: 429, description: "Too many requests; see `retry-after`." },
  TOO_MANY_ATTEMPTS: { status: 429, description: "Too many login attempts for this account or address; see `retry-after`." },
  BUDGET_EXCEEDED: { status: 429, description: "Not enough budget left to grant this." },
  INTERNAL_ERROR: { status: 500, description: "An unexpected error; nothing was changed." },
  AUTH_MISCONFIGURED: { status: 503, description: "The control API is not configured (IRON_JWT_SECRET missing or too short)." },
  SERVICE_MISCONFIGURED: { status: 503, description: "A required secret (e.g. IRON_MASTER_KEY) is missing or invalid." },
  MODEL_NOT_PRICED: { status: 400, description: "The model has no price in Iron's price table (report `cost_usd` instead)." },
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
  /** Extra JSON as `error.details`, e.g. the preview of a change that needs confirmation. */
  readonly details?: Readonly<Record<string, unknown>>;
  /** The object the refused call was about, for its audit record only (never rendered), e.g. the account of a failed login. */
  readonly auditTarget?: { readonly type: string; readonly id: string };
}

export function controlRefusal<C extends ControlErrorCode>(
  code: C,
  message: string,
  extra: { fields?: Record<string, string>; headers?: Record<string, string>; details?: Record<string, unknown> } = {},
): ControlRefusal<C> {
  const refusal: { -readonly [K in keyof ControlRefusal<C>]: ControlRefusal<C>[K] } = { kind: "control_refusal", code, status: CONTROL_ERRORS[code].status, message };
  if (extra.fields !== undefined) refusal.fields = extra.fields;
  if (extra.headers !== undefined) refusal.headers = extra.headers;
  if (extra.details !== undefined) refusal.details = extra.details;
  return refusal;
}

export function isControlRefusal(value: unknown): value is ControlRefusal {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "control_refusal";
}

/** The `{"error":{code,message,fields?,details?}}` response of a refusal. */
export function renderRefusal(refusal: ControlRefusal, headers: Record<string, string> = {}): Response {
  const error: Record<string, unknown> = { code: refusal.code, message: refusal.message };
  if (refusal.fields !== undefined) error.fields = refusal.fields;
  if (refusal.details !== undefined) error.details = refusal.details;
  const extra: Record<string, string> = refusal.status === 401 ? { "www-authenticate": 'Bearer realm="iron"' } : {};
  return new Response(JSON.stringify({ error }), { status: refusal.status, headers: { "content-type": "application/json", ...extra, ...headers, ...refusal.headers } });
}
