import { createSseParser } from "../../sse/parser";
import { serializeSseEvent } from "../../sse/serialize";
import type { SseEvent, StreamTranslator, UpstreamCall } from "../types";

/** Test support: an UpstreamCall with harmless defaults. */
export function testCall(overrides: Partial<UpstreamCall> = {}): UpstreamCall {
  return {
    inbound: "openai",
    endpoint: "chat",
    body: { model: "agent-model", messages: [{ role: "user", content: "hi" }] },
    model: "gpt-4o-mini",
    maxTokens: 256,
    stream: false,
    agentWantsStreamUsage: false,
    baseUrl: "https://api.openai.com/v1",
    apiKey: "sk-test-SECRET0123456789",
    ...overrides,
  };
}

/** Parses an SSE wire string into events. */
export function parseWire(wire: string): SseEvent[] {
  const parser = createSseParser();
  return [...parser.push(wire), ...parser.end()];
}

/** Runs wire text through a translator (push every event, then finish) and returns the output events. */
export function translateWire(translator: StreamTranslator, wire: string): SseEvent[] {
  const out: SseEvent[] = [];
  for (const event of parseWire(wire)) out.push(...translator.push(event));
  out.push(...translator.finish());
  return out;
}

/** Events back to one wire string. */
export function toWire(events: SseEvent[]): string {
  return events.map(serializeSseEvent).join("");
}

/** The JSON payloads of events (the `[DONE]` sentinel as the string itself). */
export function payloads(events: SseEvent[]): unknown[] {
  return events.map((e) => (e.data === "[DONE]" ? e.data : (JSON.parse(e.data) as unknown)));
}

/** A fetch that answers every request with `body` as an event stream (for driving the official SDKs). */
export function sseFetch(body: string): typeof fetch {
  return () => Promise.resolve(new Response(body, { headers: { "content-type": "text/event-stream" } }));
}
