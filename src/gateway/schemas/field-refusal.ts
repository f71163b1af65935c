import type { z } from "zod";
import { refuse, type Refusal } from "../../errors/refusal";

/** All validation issues of a body in one refusal; `field` names the first one (OpenAI `param`). */
export function fieldRefusal(error: z.ZodError): Refusal {
  const issues = error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "body"}: ${issue.message}`);
  const first = error.issues[0]?.path.join(".");
  return refuse("invalid_request", `Invalid request: ${issues.slice(0, 10).join("; ")}`, first !== undefined && first !== "" ? { field: first } : {});
}

/** Body fields that would let an agent choose the upstream or its credentials. Iron chooses those. */
export const UPSTREAM_OVERRIDE_FIELDS = [
  "api_base", "base_url", "baseURL", "api_key", "apiKey", "api_version", "azure_endpoint", "extra_headers",
  "headers", "custom_llm_provider", "provider", "upstream", "endpoint", "url",
] as const;

export function upstreamOverrideRefusal(body: Record<string, unknown>): Refusal | null {
  const found = UPSTREAM_OVERRIDE_FIELDS.filter((field) => Object.hasOwn(body, field));
  if (found.length === 0) return null;
  return refuse("invalid_request", `Field '${found[0] ?? ""}' is not accepted: Iron chooses the upstream provider, its URL and its credentials.`, { field: found[0] ?? "" });
}
