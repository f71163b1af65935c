import { describe, expect, it } from "vitest";
import { DEFAULT_SAFETY } from "../../src/policies/policy-schema";
import type { ApiShape, SseEvent } from "../../src/providers/types";
import { RedactionSession } from "../../src/safety/redact/session";
import { createStreamGuard } from "../../src/safety/stream/stream-guard";
import { streamPolicy } from "../../src/safety/stream/stream-policy";
import { createSseParser, serializeSseEvent } from "../../src/sse";

/*
 * Output scanning of the stream texts that are not plain content: OpenAI tool-call `arguments` deltas, Anthropic
 * `input_json_delta` / `thinking_delta`, and several choices (`n > 1`) interleaved in one stream. Each is its own
 * text with its own hold-back, so a value split inside one of them is never forwarded in clear, and the redacted
 * arguments still assemble to valid JSON.
 */
const KEY = "sk-" + "proj-" + "Qw7rT2".repeat(8);
const EMAIL = "lee.ann" + "@" + "post-box.net";
const ARGS = JSON.stringify({ to: EMAIL, token: KEY, note: "send it" });

const chunk = (choices: unknown[]): SseEvent => ({ data: JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices }) });
const toolDelta = (args: string, index = 0): SseEvent => chunk([{ index, delta: { tool_calls: [{ index: 0, function: { arguments: args } }] }, finish_reason: null }]);
const named = (type: string, extra: object = {}): SseEvent => ({ event: type, data: JSON.stringify({ type, ...extra }) });
const blockDelta = (index: number, type: string, field: string, text: string): SseEvent => named("content_block_delta", { index, delta: { type, [field]: text } });

function run(shape: ApiShape, events: readonly SseEvent[], session = new RedactionSession()): string {
  const policy = streamPolicy(DEFAULT_SAFETY.output);
  if (policy === null) throw new Error("off");
  const guard = createStreamGuard(shape, policy, session);
  let wire = "";
  for (const event of events) {
    const out = guard.rewrite([event]);
    if (out.blocked !== null) throw new Error("unexpected block");
    wire += out.events.map(serializeSseEvent).join("");
  }
  return wire + guard.finish().events.map(serializeSseEvent).join("");
}

const parsed = (wire: string): Record<string, unknown>[] =>
  [...createSseParser().push(wire), ...createSseParser().end()].filter((e) => e.data !== "[DONE]").map((e) => JSON.parse(e.data) as Record<string, unknown>);

interface OpenAiChunk { choices?: { index: number; delta?: { content?: string; tool_calls?: { function?: { arguments?: string } }[] } }[] }
interface AnthropicDelta { type?: unknown; index?: number; delta?: { partial_json?: string; thinking?: string; text?: string } }

describe("stream guard on structured deltas", () => {
  it("redacts tool-call arguments split at every boundary (OpenAI), leaving valid JSON", () => {
    for (let i = 0; i <= ARGS.length; i++) {
      const start = chunk([{ index: 0, delta: { role: "assistant", tool_calls: [{ index: 0, id: "call_1", type: "function", function: { name: "mail", arguments: "" } }] }, finish_reason: null }]);
      const wire = run("openai", [start, toolDelta(ARGS.slice(0, i)), toolDelta(ARGS.slice(i)), chunk([{ index: 0, delta: {}, finish_reason: "tool_calls" }]), { data: "[DONE]" }]);
      expect(wire).not.toContain(KEY.slice(0, 12));
      expect(wire).not.toContain(EMAIL);
      const args = parsed(wire).flatMap((c) => (c as OpenAiChunk).choices ?? []).flatMap((ch) => ch.delta?.tool_calls ?? []).map((t) => t.function?.arguments ?? "").join("");
      expect(JSON.parse(args), `split at ${i}`).toEqual({ to: "[EMAIL_1]", token: "[OPENAI_KEY_1]", note: "send it" });
    }
  });

  it("redacts input_json_delta split at every boundary (Anthropic tool_use), leaving valid JSON", () => {
    for (let i = 0; i <= ARGS.length; i++) {
      const wire = run("anthropic", [
        named("message_start", { message: { id: "m" } }),
        named("content_block_start", { index: 0, content_block: { type: "tool_use", id: "tu", name: "mail", input: {} } }),
        blockDelta(0, "input_json_delta", "partial_json", ARGS.slice(0, i)),
        blockDelta(0, "input_json_delta", "partial_json", ARGS.slice(i)),
        named("content_block_stop", { index: 0 }),
        named("message_stop"),
      ]);
      expect(wire).not.toContain(KEY.slice(0, 12));
      expect(wire).not.toContain(EMAIL);
      const json = parsed(wire).map((e) => (e as AnthropicDelta).delta?.partial_json ?? "").join("");
      expect(JSON.parse(json), `split at ${i}`).toEqual({ to: "[EMAIL_1]", token: "[OPENAI_KEY_1]", note: "send it" });
      // The held rest goes out before its block closes, never after.
      const types = parsed(wire).map((e) => e.type);
      expect(types.lastIndexOf("content_block_delta")).toBeLessThan(types.indexOf("content_block_stop"));
    }
  });

  it("keeps interleaved choices (n = 2) apart: each has its own hold-back and the same value gets the same placeholder", () => {
    const a = `first: mail ${EMAIL} now`;
    const b = `second: ${EMAIL} and ${KEY}`;
    const events: SseEvent[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i += 4) {
      events.push(chunk([{ index: 0, delta: { content: a.slice(i, i + 4) }, finish_reason: null }, { index: 1, delta: { content: b.slice(i, i + 4) }, finish_reason: null }]));
    }
    events.push(chunk([{ index: 0, delta: {}, finish_reason: "stop" }]), chunk([{ index: 1, delta: {}, finish_reason: "stop" }]), { data: "[DONE]" });
    const wire = run("openai", events);
    expect(wire).not.toContain(EMAIL);
    const text = (n: number): string =>
      parsed(wire).flatMap((c) => (c as OpenAiChunk).choices ?? []).filter((ch) => ch.index === n).map((ch) => ch.delta?.content ?? "").join("");
    expect(text(0)).toBe("first: mail [EMAIL_1] now");
    expect(text(1)).toBe("second: [EMAIL_1] and [OPENAI_KEY_1]");
  });

  it("scans thinking deltas too (a secret in reasoning is redacted like any output)", () => {
    const thought = `the user's key is ${KEY}, do not repeat it`;
    const wire = run("anthropic", [
      named("content_block_start", { index: 0, content_block: { type: "thinking", thinking: "" } }),
      ...(thought.match(/[\s\S]{1,5}/g) ?? []).map((t) => blockDelta(0, "thinking_delta", "thinking", t)),
      named("content_block_stop", { index: 0 }),
      named("message_stop"),
    ]);
    expect(wire).not.toContain(KEY.slice(0, 12));
    expect(parsed(wire).map((e) => (e as AnthropicDelta).delta?.thinking ?? "").join("")).toBe("the user's key is [OPENAI_KEY_1], do not repeat it");
  });

  it("continues the numbering of the request's input redactions (one session per request)", () => {
    const session = new RedactionSession();
    expect(session.placeholder("EMAIL", "first@in-put.org")).toBe("[EMAIL_1]");
    const wire = run("openai", [chunk([{ index: 0, delta: { content: `to ${EMAIL} and FIRST@in-put.org` }, finish_reason: "stop" }]), { data: "[DONE]" }], session);
    const text = parsed(wire).flatMap((c) => (c as OpenAiChunk).choices ?? []).map((ch) => ch.delta?.content ?? "").join("");
    expect(text).toBe("to [EMAIL_2] and [EMAIL_1]");
  });
});
