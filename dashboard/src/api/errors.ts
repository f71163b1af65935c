import type { ApiErrorInit } from "../../../client/src/index";
/**
 * Errors shown in words. The control API answers `{"error":{code,message,fields?,details?}}`; the typed client
 * turns that into an ApiError. Each stable code gets a sentence a person can act on; the API's own message
 * follows it when it says more.
 */
/** An ApiError's fields (the client's own type), checked by shape so errors from any client instance qualify. */
export type ApiErrorLike = ApiErrorInit;

export function isApiError(value: unknown): value is ApiErrorLike {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<Record<keyof ApiErrorLike, unknown>>;
  return typeof v.status === "number" && typeof v.code === "string" && typeof v.message === "string";
}

const WORDS: Readonly<Record<string, string>> = {
  VALIDATION_ERROR: "Some fields need fixing.",
  UNAUTHORIZED: "You are not signed in.",
  INVALID_CREDENTIALS: "Wrong email or password.",
  INVALID_TOKEN: "Your sign-in is no longer valid. Sign in again.",
  TOKEN_EXPIRED: "Your sign-in has expired. Sign in again.",
  SESSION_REVOKED: "Your session has ended (signed out elsewhere, or your role or password changed). Sign in again.",
  SESSION_EXPIRED: "Your session has expired. Sign in again.",
  FORBIDDEN: "Your role does not allow this.",
  ACCOUNT_SUSPENDED: "This account is suspended. Ask an administrator.",
  AGENT_SUSPENDED: "The agent is suspended.",
  SETUP_DISABLED: "First-time setup is not enabled on this server.",
  SETUP_COMPLETED: "Setup is already done: sign in, or ask an administrator for an account.",
  NOT_FOUND: "Not found (it may have been deleted, or you may not have access to it).",
  CONFLICT: "Someone else changed this at the same time. Reload and try again.",
  CONFIRMATION_REQUIRED: "This change needs your confirmation.",
  EMAIL_TAKEN: "A user with this email already exists.",
  LAST_ADMIN: "That would leave no active administrator.",
  SELF_ACTION_FORBIDDEN: "Administrators cannot do this to their own account.",
  PAYLOAD_TOO_LARGE: "That is too much data for one request.",
  RATE_LIMITED: "Too many requests. Wait a moment and try again.",
  TOO_MANY_ATTEMPTS: "Too many sign-in attempts. Wait and try again later.",
  BUDGET_EXCEEDED: "Not enough budget left for this.",
  INTERNAL_ERROR: "The server hit an unexpected error; nothing was changed. Try again later.",
  AUTH_MISCONFIGURED: "The server's sign-in is not configured (IRON_JWT_SECRET).",
  SERVICE_MISCONFIGURED: "The server is missing a required secret (IRON_MASTER_KEY).",
  NETWORK_ERROR: "Cannot reach the Iron server. Check the server address and that it is running (and that it allows this dashboard's origin in IRON_DASHBOARD_ORIGINS).",
  TIMEOUT: "The Iron server did not answer in time. Try again.",
  BAD_RESPONSE: "The answer was not from an Iron server. Check the server address.",
};

export interface ErrorView {
  readonly code: string;
  readonly title: string;
  readonly detail: string | null;
  readonly fields: Readonly<Record<string, string>>;
  readonly requestId: string | null;
}

/** Any thrown value → what the page shows: a sentence per code, the API's message, field problems, request id. */
export function describeError(error: unknown): ErrorView {
  if (isApiError(error)) {
    const title = WORDS[error.code] ?? (error.message || `The server answered ${error.status}.`);
    const detail = error.message && error.message !== title ? error.message : null;
    return { code: error.code, title, detail, fields: error.fields ?? {}, requestId: error.requestId ?? null };
  }
  if (error instanceof TypeError) return { code: "NETWORK_ERROR", title: WORDS.NETWORK_ERROR ?? "", detail: null, fields: {}, requestId: null };
  const detail = error instanceof Error ? error.message : null;
  return { code: "UNKNOWN", title: "Something went wrong.", detail, fields: {}, requestId: null };
}

/** Codes that mean "this login is over": the app goes back to the sign-in screen and keeps the draft. */
export const SESSION_OVER = new Set(["UNAUTHORIZED", "INVALID_TOKEN", "TOKEN_EXPIRED", "SESSION_REVOKED", "SESSION_EXPIRED"]);

export function isSessionOver(error: unknown): boolean {
  return isApiError(error) && error.status === 401 && SESSION_OVER.has(error.code);
}

export function errorCode(error: unknown): string | null {
  return isApiError(error) ? error.code : null;
}

/** The server's problem with one field of a refused form (VALIDATION_ERROR `fields`), if any. */
export function fieldProblem(error: unknown, name: string): string | null {
  return isApiError(error) ? (error.fields?.[name] ?? null) : null;
}
