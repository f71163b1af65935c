import type { ApiShape, SseEvent } from "../../providers/types";
import { applyPolicy } from "../pipeline/apply-policy";
import type { AuditFinding, Verdict } from "../pipeline/types";
import type { RedactionSession } from "../redact/session";
import type { Finding } from "../types";
import { streamAuditFindings } from "./audit-findings";
import { flushAnthropic, rewriteAnthropicEvent, type AnthropicStreamState } from "./anthropic-events";
import { flushOpenAi, rewriteOpenAiEvent, type OpenAiStreamState } from "./openai-events";
import { createScannerSet } from "./scanner-set";
import type { StreamPolicy } from "./stream-policy";

export interface GuardResult {
  /** Events to forward, with text deltas replaced by what may be released (redacted). */
  readonly events: SseEvent[];
  /** Set once a `block` finding was seen: forward `events`, then end the stream with an error event. */
  readonly blocked: readonly Finding[] | null;
}

export interface StreamGuard {
  /** Rewrites outbound events (in the agent's shape), holding back text that might still be part of a match. */
  rewrite(events: readonly SseEvent[]): GuardResult;
  /** Events for any text still held when the stream ended without its closing events. */
  finish(): GuardResult;
  /** What the policy makes of everything found so far (for the trailing warning). */
  verdict(): Verdict;
  /** Everything found so far, as the audit record stores it (fingerprints, never text). */
  auditFindings(): Promise<AuditFinding[]>;
}

/**
 * Output scanning for one streamed response (issue #5). Runs after the output meter, so billing and the overproduction
 * bound count what the provider produced; the agent receives the released, redacted text.
 */
export function createStreamGuard(shape: ApiShape, policy: StreamPolicy, session: RedactionSession): StreamGuard {
  const set = createScannerSet(policy, session);
  const openai: OpenAiStreamState = { base: { object: "chat.completion.chunk" } };
  const anthropic: AnthropicStreamState = new Map();
  const one = (event: SseEvent): SseEvent[] | null =>
    shape === "anthropic" ? rewriteAnthropicEvent(event, set, anthropic) : rewriteOpenAiEvent(event, set, openai);
  const blockedResult = (events: SseEvent[]): GuardResult => ({ events, blocked: set.blocked() });
  return {
    rewrite(events) {
      const out: SseEvent[] = [];
      for (const event of events) {
        const rewritten = one(event);
        if (rewritten === null) return blockedResult(out);
        out.push(...rewritten);
      }
      return { events: out, blocked: null };
    },
    finish() {
      const rest = shape === "anthropic" ? flushAnthropic(set, anthropic, null) : flushOpenAi(set, openai);
      return rest === null ? blockedResult([]) : { events: rest, blocked: null };
    },
    verdict: () => applyPolicy(set.findings(), policy.actions),
    auditFindings: () => streamAuditFindings(set.findings(), policy.actions),
  };
}
