/**
 * The one error family. Every refusal or failure the product reports carries one of these stable
 * codes; the HTTP status and the API-shape error types are derived from the code, never chosen ad hoc.
 */
export const ERROR_CODES = {
  invalid_agent_token: { status: 401, openai: "invalid_request_error", anthropic: "authentication_error" },
  agent_suspended: { status: 403, openai: "permission_error", anthropic: "permission_error" },
  budget_exceeded: { status: 429, openai: "insufficient_quota", anthropic: "rate_limit_error" },
  rate_limited: { status: 429, openai: "rate_limit_error", anthropic: "rate_limit_error" },
  model_not_allowed: { status: 403, openai: "permission_error", anthropic: "permission_error" },
  model_not_priced: { status: 400, openai: "invalid_request_error", anthropic: "invalid_request_error" },
  invalid_request: { status: 400, openai: "invalid_request_error", anthropic: "invalid_request_error" },
  payload_too_large: { status: 413, openai: "invalid_request_error", anthropic: "request_too_large" },
  unsupported_media_type: { status: 415, openai: "invalid_request_error", anthropic: "invalid_request_error" },
  safety_blocked: { status: 400, openai: "invalid_request_error", anthropic: "invalid_request_error" },
  not_found: { status: 404, openai: "invalid_request_error", anthropic: "not_found_error" },
  upstream_error: { status: 502, openai: "api_error", anthropic: "api_error" },
  upstream_timeout: { status: 504, openai: "api_error", anthropic: "api_error" },
  service_misconfigured: { status: 503, openai: "api_error", anthropic: "api_error" },
  internal_error: { status: 500, openai: "api_error", anthropic: "api_error" },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
