import { controlError } from "../../errors/control-error";

/**
 * Expected refusals of the control API's account layer, as values. Codes are the control API's UPPER_SNAKE
 * codes (PRODUCT.md §5); `renderAuthRefusal` turns one into the `{"error":{…}}` response.
 */
export const AUTH_CODES = {
  VALIDATION_ERROR: 400,
  INVALID_CREDENTIALS: 401,
  INVALID_TOKEN: 401,
  TOKEN_EXPIRED: 401,
  SESSION_REVOKED: 401,
  SESSION_EXPIRED: 401,
  ACCOUNT_SUSPENDED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  LAST_ADMIN: 409,
  SELF_ACTION_FORBIDDEN: 409,
  SETUP_COMPLETED: 409,
  TOO_MANY_ATTEMPTS: 429,
  AUTH_MISCONFIGURED: 503,
} as const;

export type AuthCode = keyof typeof AUTH_CODES;

export interface AuthRefusal {
  readonly kind: "auth_refusal";
  readonly code: AuthCode;
  readonly status: number;
  readonly message: string;
  /** Validation problems by field, all of them at once. */
  readonly fields?: Readonly<Record<string, string>>;
  /** For TOO_MANY_ATTEMPTS: seconds until the window resets (also the `retry-after` header). */
  readonly retryAfterSeconds?: number;
}

export function authRefuse(code: AuthCode, message: string, extra: { fields?: Record<string, string>; retryAfterSeconds?: number } = {}): AuthRefusal {
  return { kind: "auth_refusal", code, status: AUTH_CODES[code], message, ...extra };
}

export function isAuthRefusal(value: unknown): value is AuthRefusal {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "auth_refusal";
}

export function renderAuthRefusal(refusal: AuthRefusal): Response {
  const headers: Record<string, string> = {};
  if (refusal.retryAfterSeconds !== undefined) headers["retry-after"] = String(refusal.retryAfterSeconds);
  if (refusal.status === 401) headers["www-authenticate"] = 'Bearer realm="iron"';
  return controlError(refusal.status, refusal.code, refusal.message, refusal.fields === undefined ? undefined : { ...refusal.fields }, headers);
}
