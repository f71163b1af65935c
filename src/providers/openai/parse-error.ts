import type { UpstreamErrorInfo } from "../types";
import { upstreamErrorInfo } from "../shared/error-info";
import { asObject, asString, tryParseJson } from "../shared/json";

/** An OpenAI error body `{error:{message,type,code}}` (or anything else) → a safe UpstreamErrorInfo. */
export function parseOpenAIError(status: number, bodyText: string): UpstreamErrorInfo {
  const error = asObject(asObject(tryParseJson(bodyText))?.error);
  if (error === undefined) return upstreamErrorInfo(status, bodyText, undefined);
  const type = asString(error.type) ?? asString(error.code);
  return upstreamErrorInfo(status, bodyText, { type, message: asString(error.message) });
}
