import type { UpstreamErrorInfo } from "../types";
import { redactSecrets, safeExcerpt } from "./redact";

const MAX_MESSAGE = 1000;

/** A generic error type for an HTTP status (Anthropic's names; OpenAI's differ only in rare cases). */
export function typeForStatus(status: number): string {
  if (status === 400 || status === 413 || status === 422) return "invalid_request_error";
  if (status === 401) return "authentication_error";
  if (status === 403) return "permission_error";
  if (status === 404) return "not_found_error";
  if (status === 429) return "rate_limit_error";
  if (status === 529) return "overloaded_error";
  return "api_error";
}

/**
 * The safe summary of an upstream error. `message`, when the upstream JSON gave one, is redacted and capped;
 * otherwise the message is generic plus at most 200 printable, redacted characters of the raw body.
 */
export function upstreamErrorInfo(
  status: number,
  bodyText: string,
  parsed: { type: string | undefined; message: string | undefined } | undefined,
): UpstreamErrorInfo {
  const type = safeType(parsed?.type) ?? typeForStatus(status);
  if (parsed?.message !== undefined && parsed.message !== "") {
    return { status, type, message: redactSecrets(parsed.message).slice(0, MAX_MESSAGE) };
  }
  const excerpt = safeExcerpt(bodyText);
  const message = `Upstream provider returned HTTP ${status}` + (excerpt === "" ? "" : `: ${excerpt}`);
  return { status, type, message };
}

function safeType(type: string | undefined): string | undefined {
  if (type === undefined || !/^[A-Za-z0-9_.-]{1,64}$/.test(type)) return undefined;
  return redactSecrets(type) === type ? type : undefined;
}
