import { describe, expect, it } from "vitest";
import type { SseEvent } from "../providers/types";
import { SseLimitError } from "./errors";
import { createSseParser } from "./parser";

const enc = new TextEncoder();

function parseAll(chunks: (Uint8Array | string)[], options?: Parameters<typeof createSseParser>[0]): SseEvent[] {
  const parser = createSseParser(options);
  const out: SseEvent[] = [];
  for (const chunk of chunks) out.push(...parser.push(chunk));
  out.push(...parser.end());
  return out;
}

const WIRE =
  ": keep-alive comment\r\n" +
  'event: message_start\r\ndata: {"t":"héllo wörld"}\r\n\r\n' +
  "data: 日本語\rdata: second line 🙂\r\r" +
  "event: custom\ndata:no-space\ndata:  two spaces\n\n" +
  "data\n\n" +
  "id: 7\nretry: 10\nunknown: x\ndata: [DONE]\n\n";

const EXPECTED: SseEvent[] = [
  { event: "message_start", data: '{"t":"héllo wörld"}' },
  { data: "日本語\nsecond line 🙂" },
  { event: "custom", data: "no-space\n two spaces" },
  { data: "" },
  { data: "[DONE]" },
];

describe("createSseParser", () => {
  it("parses named events, multi-line data, comments and all three line endings", () => {
    expect(parseAll([WIRE])).toEqual(EXPECTED);
  });

  it("yields the same events for every 2-way and 3-way byte split, and byte by byte", () => {
    const bytes = enc.encode(WIRE);
    const n = bytes.length;
    for (let i = 0; i <= n; i++) {
      expect(parseAll([bytes.slice(0, i), bytes.slice(i)])).toEqual(EXPECTED);
      for (let j = i; j <= n; j += 3) {
        expect(parseAll([bytes.slice(0, i), bytes.slice(i, j), bytes.slice(j)])).toEqual(EXPECTED);
      }
    }
    expect(parseAll(Array.from(bytes, (b) => Uint8Array.of(b)))).toEqual(EXPECTED);
  });

  it("yields the same events for every split of the text form", () => {
    for (let i = 0; i <= WIRE.length; i++) {
      expect(parseAll([WIRE.slice(0, i), WIRE.slice(i)])).toEqual(EXPECTED);
    }
  });

  it("treats \\r then \\n in the next chunk as one line end", () => {
    expect(parseAll(["data: a\r", "\ndata: b\r", "\n\r", "\n"])).toEqual([{ data: "a\nb" }]);
  });

  it("emits events as soon as their blank line arrives", () => {
    const parser = createSseParser();
    expect(parser.push("data: 1\n")).toEqual([]);
    expect(parser.push("\ndata: 2")).toEqual([{ data: "1" }]);
    expect(parser.push("\n\n")).toEqual([{ data: "2" }]);
    expect(parser.end()).toEqual([]);
  });

  it("flushes a final event that lacks its blank line on end()", () => {
    expect(parseAll(["event: x\ndata: tail"])).toEqual([{ event: "x", data: "tail" }]);
    expect(parseAll(["event: only-a-name\n\n"])).toEqual([]);
  });

  it("strips a leading BOM and decodes invalid UTF-8 to U+FFFD", () => {
    expect(parseAll([Uint8Array.of(0xef, 0xbb, 0xbf), enc.encode("data: a\n\n")])).toEqual([{ data: "a" }]);
    expect(parseAll(["\uFEFFdata: b\n\n"])).toEqual([{ data: "b" }]);
    const bad = Uint8Array.of(...enc.encode("data: "), 0xff, 0xc3, ...enc.encode("\n\n"));
    expect(parseAll([bad])).toEqual([{ data: "\uFFFD\uFFFD" }]);
  });

  it("throws SseLimitError for a line over the cap, even across chunks", () => {
    const parser = createSseParser({ maxLineBytes: 16 });
    expect(parser.push("data: 0123456789")).toEqual([]);
    expect(() => parser.push("x")).toThrow(SseLimitError);
    expect(() => parseAll(["data: 🙂🙂🙂🙂\n\n"], { maxLineBytes: 16 })).toThrow(SseLimitError);
    expect(parseAll(["data: 🙂🙂🙂\n\n"], { maxLineBytes: 18 })).toEqual([{ data: "🙂🙂🙂" }]);
  });

  it("throws SseLimitError when one event's data exceeds the event cap", () => {
    const lines = "data: 0123456789\n".repeat(4);
    let caught: unknown;
    try {
      parseAll([lines], { maxLineBytes: 100, maxEventBytes: 30 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SseLimitError);
    expect((caught as SseLimitError).kind).toBe("event");
  });

  it("defaults the line cap to 1 MiB", () => {
    const big = "x".repeat(1024 * 1024 - 6);
    expect(parseAll([`data: ${big}\n\n`])).toEqual([{ data: big }]);
    expect(() => parseAll([`data: ${big}x\n\n`])).toThrow(SseLimitError);
  });

  it("never throws anything but SseLimitError on random input", () => {
    let seed = 12345;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const alphabet = [0x0a, 0x0d, 0x3a, 0x20, 0x64, 0x61, 0x74, 0x65, 0xff, 0xc3, 0xa9, 0xf0, 0x9f, 0x00];
    for (let round = 0; round < 200; round++) {
      const parser = createSseParser({ maxLineBytes: 64 });
      try {
        for (let c = 0; c < 20; c++) {
          const len = Math.floor(rand() * 40);
          const chunk = Uint8Array.from({ length: len }, () => alphabet[Math.floor(rand() * alphabet.length)] ?? 0);
          parser.push(chunk);
        }
        parser.end();
      } catch (e) {
        expect(e).toBeInstanceOf(SseLimitError);
      }
    }
  });
});
