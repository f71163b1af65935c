import { describe, expect, it } from "vitest";
import type { SseEvent } from "../providers/types";
import { createSseParser } from "./parser";
import { serializeSseEvent } from "./serialize";

function roundTrip(e: SseEvent): SseEvent[] {
  const parser = createSseParser();
  return [...parser.push(serializeSseEvent(e)), ...parser.end()];
}

describe("serializeSseEvent", () => {
  it("writes data-only and named events", () => {
    expect(serializeSseEvent({ data: "[DONE]" })).toBe("data: [DONE]\n\n");
    expect(serializeSseEvent({ event: "ping", data: '{"type":"ping"}' })).toBe('event: ping\ndata: {"type":"ping"}\n\n');
  });

  it("splits multi-line data into data lines", () => {
    expect(serializeSseEvent({ data: "a\nb\r\nc" })).toBe("data: a\ndata: b\ndata: c\n\n");
  });

  it("round-trips through the parser, leading spaces and empty data included", () => {
    for (const e of [{ data: "" }, { data: " lead" }, { event: "x", data: "1\n\n2" }, { data: "日本語 🙂" }]) {
      expect(roundTrip(e)).toEqual([e]);
    }
  });

  it("cannot be made to inject fields through the event name", () => {
    expect(roundTrip({ event: "a\n\ndata: evil", data: "ok" })).toEqual([{ event: "adata: evil", data: "ok" }]);
  });
});
