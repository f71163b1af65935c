/**
 * `[[mock:key=value]]` directives, read from the text of the last user message so that tests can
 * choose the mock's behaviour per request even through the gateway (which forwards no test headers).
 */

export const FAULTS = [
  "error_500",
  "error_503",
  "rate_limit",
  "slow_first_byte",
  "hang",
  "disconnect",
  "malformed_sse",
  "missing_usage",
  "ignore_max_tokens",
] as const;

export type Fault = (typeof FAULTS)[number];

export interface Directives {
  /** Reply length in tokens (default 12). */
  replyTokens: number;
  /** Delay between SSE events, ms. */
  paceMs: number;
  /** Prompt tokens to report as cached (capped at the prompt size). */
  cached: number;
  /** Reasoning tokens (OpenAI only), counted inside completion tokens and within max_tokens. */
  reasoning: number;
  /** Answer with a call to this tool. */
  tool: string | null;
  fault: Fault | null;
  /** `retry-after` seconds for `fault=rate_limit`. */
  retryAfter: number;
  /** Header delay for `fault=slow_first_byte`, ms. */
  delayMs: number;
  /** Content chunks sent before `fault=disconnect` cuts a stream. */
  afterChunks: number;
  /** Stream pauses after its first content chunk until `POST /__mock/release/<hold>`. */
  hold: string | null;
  /** Reply with exactly this text (URL-encoded in the directive), in 3-character chunks billed as one token each. */
  replyText: string | null;
}

export const DEFAULT_DIRECTIVES: Readonly<Directives> = {
  replyTokens: 12,
  paceMs: 0,
  cached: 0,
  reasoning: 0,
  tool: null,
  fault: null,
  retryAfter: 1,
  delayMs: 2000,
  afterChunks: 3,
  hold: null,
  replyText: null,
};

type IntKey = "replyTokens" | "paceMs" | "cached" | "reasoning" | "retryAfter" | "delayMs" | "afterChunks";

const INT_KEYS: Readonly<Record<string, IntKey>> = {
  reply_tokens: "replyTokens",
  pace_ms: "paceMs",
  cached: "cached",
  reasoning: "reasoning",
  retry_after: "retryAfter",
  delay_ms: "delayMs",
  after_chunks: "afterChunks",
};

const DIRECTIVE = /\[\[mock:([a-z_]+)=([^\]]*)\]\]/g;
const MAX_INT = 1_000_000;

function isFault(value: string): value is Fault {
  return (FAULTS as readonly string[]).includes(value);
}

/** Parses every directive in `text`. Unknown keys or bad values are an error (typos must not pass silently). */
export function parseDirectives(text: string): Directives | { error: string } {
  const out: Directives = { ...DEFAULT_DIRECTIVES };
  for (const match of text.matchAll(DIRECTIVE)) {
    const key = match[1] ?? "";
    const value = (match[2] ?? "").trim();
    const intKey = INT_KEYS[key];
    if (intKey !== undefined) {
      const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isSafeInteger(n) || n > MAX_INT) return { error: `mock: ${key} must be an integer 0..${MAX_INT}` };
      out[intKey] = n;
    } else if (key === "fault") {
      if (!isFault(value)) return { error: `mock: unknown fault "${value}" (one of ${FAULTS.join(", ")})` };
      out.fault = value;
    } else if (key === "reply_text" || key === "reply_shifted") {
      try {
        const text = decodeURIComponent(value);
        out.replyText = key === "reply_text" ? text : unshift(text);
      } catch {
        return { error: `mock: ${key} must be URL-encoded text` };
      }
    } else if (key === "tool" || key === "hold") {
      if (!/^[\w.-]{1,64}$/.test(value)) return { error: `mock: ${key} must match [A-Za-z0-9_.-]{1,64}` };
      out[key] = value;
    } else {
      return { error: `mock: unknown directive "${key}"` };
    }
  }
  return out;
}

/** `reply_shifted`: every code point one higher than in the reply, so an input scanner cannot read the reply's values. */
function unshift(text: string): string {
  return String.fromCodePoint(...Array.from(text, (c) => (c.codePointAt(0) ?? 1) - 1));
}
