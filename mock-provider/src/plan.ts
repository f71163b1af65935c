import { countTokens, type Encoding } from "../../src/tokenizer/count-tokens";
import type { Directives } from "./directives";
import { replyWords, TOOL_ARGUMENT_FRAGMENTS, TOOL_ARGUMENTS } from "./words";

/** What one request generates, decided before anything is sent. */
export interface Plan {
  promptTokens: number;
  cachedTokens: number;
  /** Hidden reasoning tokens (OpenAI), inside `outputTokens`. */
  reasoningTokens: number;
  /** A tool call (instead of text), or `null`. */
  tool: { id: string; name: string; arguments: string } | null;
  /** Tokens of the part sent before the content chunks: the tool name (0 for text). */
  headTokens: number;
  /** Streamed content chunks, one token each: reply words, or tool-argument fragments. */
  chunks: string[];
  /** Completion tokens as the provider reports them: reasoning + head + chunks. */
  outputTokens: number;
  /** The reply stopped at max_tokens. */
  cut: boolean;
}

export interface PlanInput {
  promptTokens: number;
  /** Completion bound from the request; `null` when none was given. */
  maxTokens: number | null;
  directives: Directives;
  /** Tool to call (directive or forced tool_choice), or `null`. */
  toolName: string | null;
  /** Whether reasoning tokens apply (OpenAI). */
  reasoning: boolean;
  /** Encoding used to count the tool name. */
  encoding: Encoding;
  id: string;
}

/**
 * Reasoning is produced first, then the reply; both count against max_tokens unless
 * `fault=ignore_max_tokens`. A tool call that does not fit falls back to a text reply cut at the limit.
 */
export function makePlan(input: PlanInput): Plan {
  const d = input.directives;
  const limit = input.maxTokens === null || d.fault === "ignore_max_tokens" ? Number.POSITIVE_INFINITY : input.maxTokens;
  const wantedReasoning = input.reasoning ? d.reasoning : 0;
  const reasoningTokens = Math.min(wantedReasoning, limit);
  const room = limit - reasoningTokens;
  const base = {
    promptTokens: input.promptTokens,
    cachedTokens: Math.min(d.cached, input.promptTokens),
    reasoningTokens,
  };
  if (input.toolName !== null) {
    const headTokens = countTokens(input.toolName, input.encoding);
    if (headTokens + TOOL_ARGUMENT_FRAGMENTS.length <= room) {
      const tool = { id: input.id, name: input.toolName, arguments: TOOL_ARGUMENTS };
      const chunks = [...TOOL_ARGUMENT_FRAGMENTS];
      return { ...base, tool, headTokens, chunks, outputTokens: reasoningTokens + headTokens + chunks.length, cut: false };
    }
  }
  const text = input.toolName === null && d.replyText !== null ? textChunks(d.replyText) : null;
  const wanted = input.toolName !== null ? Number.POSITIVE_INFINITY : (text?.length ?? d.replyTokens);
  const chunks = text === null ? replyWords(Math.min(wanted, room)) : text.slice(0, Math.min(wanted, room));
  const cut = wantedReasoning > reasoningTokens || wanted > room;
  return { ...base, tool: null, headTokens: 0, chunks, outputTokens: reasoningTokens + chunks.length, cut };
}

/** `reply_text` in chunks of 3 characters (code points), each billed as one token. */
function textChunks(text: string): string[] {
  const points = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < points.length; i += 3) out.push(points.slice(i, i + 3).join(""));
  return out;
}

/** Output tokens billed when a stream is cut by `fault=disconnect` after `afterChunks` content chunks. */
export function disconnectedOutput(plan: Plan, afterChunks: number): number {
  return plan.reasoningTokens + plan.headTokens + Math.min(afterChunks, plan.chunks.length);
}
