import { describe, expect, it } from "vitest";
import { safetyWarningComment, streamErrorEvent } from "../../src/gateway/stream-error-event";
import { DEFAULT_SAFETY } from "../../src/policies/policy-schema";
import type { ApiShape, SseEvent } from "../../src/providers/types";
import type { CategoryActions } from "../../src/safety/pipeline/types";
import { safetyRefusal } from "../../src/safety/pipeline/safety-refusal";
import { RedactionSession } from "../../src/safety/redact/session";
import { createStreamGuard } from "../../src/safety/stream/stream-guard";
import { streamPolicy } from "../../src/safety/stream/stream-policy";
import { serializeSseEvent, createSseParser } from "../../src/sse";

// A fake key assembled at run time: no key-shaped literal in the repo.
const KEY = "sk-" + "proj-" + "Zq3xV9".repeat(8);
const EMAIL = "ann.lee" + "@" + "mail-host.io";
const TEXT = `Use ${KEY} for the api, or mail ${EMAIL} today.`;

const openaiChunk = (content: string, finish: string | null = null): SseEvent => ({
  data: JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content }, finish_reason: finish }] }),
});
const anthropicDelta = (text: string): SseEvent => ({
  event: "content_block_delta",
  data: JSON.stringify({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text } }),
});
const named = (type: string, extra: object = {}): SseEvent => ({ event: type, data: JSON.stringify({ type, ...extra }) });

function upstreamEvents(shape: ApiShape, chunks: readonly string[]): SseEvent[] {
  if (shape === "openai") return [openaiChunk(""), ...chunks.map((c) => openaiChunk(c)), openaiChunk("", "stop"), { data: "[DONE]" }];
  return [
    named("message_start", { message: { id: "m1" } }),
    named("content_block_start", { index: 0, content_block: { type: "text", text: "" } }),
    ...chunks.map(anthropicDelta),
    named("content_block_stop", { index: 0 }),
    named("message_delta", { delta: { stop_reason: "end_turn" } }),
    named("message_stop"),
  ];
}

/** Runs events through the guard one by one (as the pump does) and returns the wire bytes the agent would get. */
function guarded(shape: ApiShape, actions: CategoryActions, events: readonly SseEvent[]): { wire: string; blocked: boolean } {
  const policy = streamPolicy(actions);
  if (policy === null) throw new Error("off");
  const guard = createStreamGuard(shape, policy, new RedactionSession());
  let wire = "";
  for (const event of events) {
    const out = guard.rewrite([event]);
    wire += out.events.map(serializeSseEvent).join("");
    if (out.blocked !== null) {
      const categories = [...new Set(out.blocked.map((f) => f.category))];
      return { wire: wire + serializeSseEvent(streamErrorEvent(shape, safetyRefusal(categories, "output", []))), blocked: true };
    }
  }
  return { wire: wire + guard.finish().events.map(serializeSseEvent).join(""), blocked: false };
}

/** The completion text an SDK would assemble from the wire. */
function assembled(shape: ApiShape, wire: string): string {
  const events = [...createSseParser().push(wire), ...createSseParser().end()];
  let text = "";
  for (const e of events) {
    if (e.data === "[DONE]") continue;
    const json = JSON.parse(e.data) as { choices?: { delta?: { content?: string } }[]; delta?: { text?: string } };
    text += shape === "openai" ? (json.choices?.[0]?.delta?.content ?? "") : (json.delta?.text ?? "");
  }
  return text;
}

describe.each<ApiShape>(["openai", "anthropic"])("stream guard, %s shape", (shape) => {
  it("redacts a secret and an email split at every chunk boundary; nothing is forwarded in clear", () => {
    for (let i = 0; i <= TEXT.length; i++) {
      const { wire } = guarded(shape, DEFAULT_SAFETY.output, upstreamEvents(shape, [TEXT.slice(0, i), TEXT.slice(i)]));
      expect(wire).not.toContain(KEY.slice(0, 10));
      expect(wire).not.toContain(EMAIL);
      expect(assembled(shape, wire), `split at ${i}`).toBe("Use [OPENAI_KEY_1] for the api, or mail [EMAIL_1] today.");
    }
  });

  it("ends with a well-formed safety_blocked error event on block, before any part of the secret", () => {
    const { wire, blocked } = guarded(shape, { ...DEFAULT_SAFETY.output, secrets: "block" }, upstreamEvents(shape, TEXT.match(/[\s\S]/g) ?? []));
    expect(blocked).toBe(true);
    expect(wire).not.toContain(KEY.slice(0, 6));
    const events = createSseParser().push(wire);
    const last = events.at(-1);
    if (last === undefined) throw new Error("no events");
    const body = JSON.parse(last.data) as { error: { code?: string; type: string } };
    if (shape === "anthropic") expect(last.event).toBe("error");
    expect(body.error.type).toBe("invalid_request_error");
    expect(wire).not.toContain("[DONE]");
    expect(wire).not.toContain("message_stop");
  });

  it("forwards clean text unchanged with warn only, and reports the warning", () => {
    const actions: CategoryActions = { secrets: "warn", pii: "warn", injection: "off" };
    const { wire } = guarded(shape, actions, upstreamEvents(shape, [TEXT.slice(0, 9), TEXT.slice(9)]));
    expect(assembled(shape, wire)).toBe(TEXT);
    expect(safetyWarningComment(["pii", "secrets"])).toBe(": x-iron-safety-warnings: pii,secrets\n\n");
  });
});

describe("streamPolicy", () => {
  it("is null when every output action is off (the stream path stays untouched)", () => {
    expect(streamPolicy({ secrets: "off", pii: "off", injection: "off" })).toBeNull();
  });
});
