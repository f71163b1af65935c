import type { UpstreamErrorInfo } from "../types";
import { upstreamErrorInfo } from "../shared/error-info";
import { asObject, asString, tryParseJson } from "../shared/json";

/** An Anthropic error body `{type:"error",error:{type,message}}` (or anything else) → a safe UpstreamErrorInfo. */
export function parseAnthropicError(status: number, bodyText: string): UpstreamErrorInfo {
  const error = asObject(asObject(tryParseJson(bodyText))?.error);
  if (error === undefined) return upstreamErrorInfo(status, bodyText, undefined);
  return upstreamErrorInfo(status, bodyText, { type: asString(error.type), message: asString(error.message) });
}
