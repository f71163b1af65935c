/** Codes the client itself gives (the server's codes are UPPER_SNAKE too, e.g. NOT_FOUND, TOKEN_EXPIRED). */
export const CLIENT_ERROR_CODES = {
  /** The server could not be reached (DNS, refused connection, CORS, connection reset). status 0. */
  network: "NETWORK_ERROR",
  /** No answer within `timeoutMs`. status 0. */
  timeout: "TIMEOUT",
  /** The caller's `signal` aborted the call. status 0. */
  aborted: "ABORTED",
  /** The answer was not JSON (not an Iron server, or a proxy's error page). status: the HTTP status. */
  badResponse: "BAD_RESPONSE",
  /** A path parameter was missing from the input. status 0. */
  badInput: "BAD_INPUT",
} as const;

export interface ApiErrorInit {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly fields?: Readonly<Record<string, string>> | undefined;
  readonly details?: Readonly<Record<string, unknown>> | undefined;
  readonly requestId?: string | undefined;
}

/**
 * Every failed call: the API's refusal (`status` 4xx/5xx, its stable `code`, `message`, invalid `fields`,
 * `details` such as a change's impact preview, and the `requestId` to quote), or the client's own
 * NETWORK_ERROR / TIMEOUT / ABORTED / BAD_RESPONSE / BAD_INPUT (status 0 unless the server answered).
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly code: string;
  readonly fields: Readonly<Record<string, string>> | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;
  readonly requestId: string | undefined;

  constructor(init: ApiErrorInit, options?: { cause?: unknown }) {
    super(init.message, options);
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields;
    this.details = init.details;
    this.requestId = init.requestId;
  }
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const stringRecord = (v: unknown): Record<string, string> | undefined =>
  isRecord(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string")) : undefined;

/** The ApiError for a non-2xx JSON answer (`{ error: { code, message, fields?, details? } }`). */
export function errorFromBody(status: number, statusText: string, body: unknown, requestId: string | undefined): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  return new ApiError({
    status,
    code: typeof error.code === "string" ? error.code : `HTTP_${status}`,
    message: typeof error.message === "string" ? error.message : statusText || `HTTP ${status}`,
    fields: stringRecord(error.fields),
    details: isRecord(error.details) ? error.details : undefined,
    requestId,
  });
}
