import { z } from "zod";
import type { RequestRecord } from "../../../audit/request-record";
import { microsToUsd } from "../../../pricing/cost";
import { usdText } from "../shared/money";

/**
 * The record of one agent request (`request_log`), field by field: ids, counts, money, outcome and timing. The
 * table holds no prompt, completion, token or key, and this list is explicit so nothing added to it later leaks.
 */
export const requestItemSchema = z
  .object({
    id: z.string().meta({ description: "The request id (req_…), as the agent saw it in x-request-id." }),
    agent_id: z.string().nullable().meta({ description: "Null when the caller was not identified (e.g. a bad token)." }),
    lease_id: z.string().nullable().meta({ description: "The lease it spent from, if any." }),
    provider_id: z.string().nullable(),
    model: z.string().nullable(),
    api_shape: z.string().meta({ description: "openai | anthropic: the API the agent called." }),
    endpoint: z.string().meta({ description: "chat | embeddings" }),
    stream: z.boolean(),
    status: z.number().int().meta({ description: "The HTTP status the agent got." }),
    outcome: z.string().meta({ description: "ok | refused | upstream_error | client_aborted | incomplete | overproduced | safety_blocked" }),
    error_code: z.string().nullable(),
    input_tokens: z.number().int(),
    cached_input_tokens: z.number().int(),
    cache_write_tokens: z.number().int(),
    output_tokens: z.number().int(),
    reasoning_tokens: z.number().int(),
    reserved_usd: usdText.meta({ description: "The budget held while the call ran." }),
    cost_usd: usdText.meta({ description: "What it was charged." }),
    usage_source: z.string().nullable().meta({ description: "provider (its reported usage) | reservation (charged in full) | none" }),
    max_tokens: z.number().int().nullable().meta({ description: "The max_tokens Iron sent upstream (chat)." }),
    latency_ms: z.number().int(),
    ttfb_ms: z.number().int().nullable(),
    price_version: z.string().nullable(),
    safety: z
      .array(
        z.object({
          category: z.string().meta({ description: "secrets | pii | injection" }),
          detector: z.string(),
          label: z.string(),
          direction: z.string().meta({ description: "input | output" }),
          source: z.string().meta({ description: "Where the text was: message, system, tool_result, document, completion…" }),
          action: z.string().meta({ description: "What the policy did: block | redact | warn | log" }),
          fingerprint: z.string().meta({ description: "First 16 hex of SHA-256 of the matched text (never the text)." }),
        }),
      )
      .meta({ description: "Safety findings of this request (empty when none)." }),
    tags: z.array(z.string()).meta({ description: "Audit tags the caller sent in `x-iron-tags` (e.g. by a Python SDK run)." }),
    created_at: z.string().meta({ description: "ISO-8601 UTC, when the call settled." }),
  })
  .meta({ id: "AgentRequest" });

export type RequestItem = z.input<typeof requestItemSchema>;

/** The columns read: exactly the fields above (never `SELECT *`). */
export const REQUEST_COLUMNS =
  "id, agent_id, lease_id, provider_id, model, api_shape, endpoint, stream, status, outcome, error_code, input_tokens, " +
  "cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, reserved_micros, cost_micros, usage_source, " +
  "max_tokens, latency_ms, ttfb_ms, price_version, safety, tags, created_at";

export function requestItem(row: RequestRecord): RequestItem {
  const { stream, reserved_micros, cost_micros, safety, tags, ...rest } = row;
  return { ...rest, stream: stream !== 0, reserved_usd: microsToUsd(reserved_micros), cost_usd: microsToUsd(cost_micros), safety: findingsOf(safety), tags: tagsOf(tags) };
}

function findingsOf(json: string | null | undefined): RequestItem["safety"] {
  if (json === null || json === undefined) return [];
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? (parsed as RequestItem["safety"]) : [];
}

function tagsOf(json: string | null | undefined): string[] {
  if (json === null || json === undefined) return [];
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === "string") : [];
}
