import { controlRefusal, isControlRefusal, renderRefusal, type ControlErrorCode, type ControlRefusal } from "../openapi/control-errors";

/**
 * Expected refusals of the account layer. They are control-API refusals (one error family, codes in
 * `CONTROL_ERRORS`), restricted to the codes this layer uses.
 */
export type AuthCode =
  | "VALIDATION_ERROR"
  | "INVALID_CREDENTIALS"
  | "INVALID_TOKEN"
  | "TOKEN_EXPIRED"
  | "SESSION_REVOKED"
  | "SESSION_EXPIRED"
  | "ACCOUNT_SUSPENDED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "EMAIL_TAKEN"
  | "LAST_ADMIN"
  | "SELF_ACTION_FORBIDDEN"
  | "SETUP_COMPLETED"
  | "SETUP_DISABLED"
  | "CONFLICT"
  | "TOO_MANY_ATTEMPTS"
  | "AUTH_MISCONFIGURED";

export type AuthRefusal = ControlRefusal<AuthCode>;

/** `retryAfterSeconds` becomes the `retry-after` header (TOO_MANY_ATTEMPTS). */
export function authRefuse(code: AuthCode, message: string, extra: { fields?: Record<string, string>; retryAfterSeconds?: number } = {}): AuthRefusal {
  const options: { fields?: Record<string, string>; headers?: Record<string, string> } = {};
  if (extra.fields !== undefined) options.fields = extra.fields;
  if (extra.retryAfterSeconds !== undefined) options.headers = { "retry-after": String(extra.retryAfterSeconds) };
  return controlRefusal(code, message, options);
}

export function isAuthRefusal(value: unknown): value is AuthRefusal {
  return isControlRefusal(value);
}

export function renderAuthRefusal(refusal: AuthRefusal): Response {
  return renderRefusal(refusal);
}

/**
 * An account-layer refusal handed back by a route, typed as one of the codes the route declares. The types of the
 * account functions name every code they may return, not per route; the mounter checks at run time that a refusal
 * has a declared code (an undeclared one is a bug and answers 500), and the route tests exercise each refusal.
 */
export function routeRefusal<C extends ControlErrorCode>(refusal: AuthRefusal): ControlRefusal<C> {
  return refusal as ControlRefusal as ControlRefusal<C>;
}
