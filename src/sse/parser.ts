import type { SseEvent } from "../providers/types";
import { SseLimitError } from "./errors";
import { utf8Length } from "./utf8-length";

export interface SseParserOptions {
  /** Longest accepted line in UTF-8 bytes, terminator excluded. Default 1 MiB. */
  maxLineBytes?: number;
  /** Largest accepted data of one event in UTF-8 bytes. Default: `maxLineBytes`. */
  maxEventBytes?: number;
}

export interface SseParser {
  /** Feeds bytes or text; returns the events completed by this chunk. */
  push(chunk: Uint8Array | string): SseEvent[];
  /** Ends the stream: flushes a partial last line and dispatches a pending event that lacks its blank line. */
  end(): SseEvent[];
}

const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
const LF = 10;
const CR = 13;
const BOM = "\uFEFF";

/**
 * An incremental `text/event-stream` parser (WHATWG rules: `\n`, `\r\n` and `\r` line ends, `:` comments,
 * `data:` lines joined with `\n`, one optional space after the colon, events end at a blank line).
 * Chunks may split anywhere, including inside a UTF-8 sequence or between `\r` and `\n`. Invalid UTF-8
 * decodes to U+FFFD. `id:` and `retry:` are ignored. The only error it throws is {@link SseLimitError}.
 */
export function createSseParser(options: SseParserOptions = {}): SseParser {
  const maxLine = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const maxEvent = options.maxEventBytes ?? maxLine;
  const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });
  let started = false;
  let line = "";
  let lineBytes = 0;
  let afterCR = false;
  let eventName: string | undefined;
  let data: string[] = [];
  let dataBytes = 0;

  function append(segment: string): void {
    if (segment === "") return;
    lineBytes += utf8Length(segment);
    if (lineBytes > maxLine) throw new SseLimitError("line", maxLine);
    line += segment;
  }

  function dispatch(out: SseEvent[]): void {
    if (data.length > 0) {
      const event: SseEvent = { data: data.join("\n") };
      if (eventName !== undefined && eventName !== "") event.event = eventName;
      out.push(event);
    }
    eventName = undefined;
    data = [];
    dataBytes = 0;
  }

  function field(text: string): void {
    if (text.startsWith(":")) return;
    const colon = text.indexOf(":");
    const name = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (name === "data") {
      dataBytes += utf8Length(value) + 1;
      if (dataBytes > maxEvent + 1) throw new SseLimitError("event", maxEvent);
      data.push(value);
    } else if (name === "event") {
      eventName = value;
    }
  }

  function endLine(out: SseEvent[]): void {
    const text = line;
    line = "";
    lineBytes = 0;
    if (text === "") dispatch(out);
    else field(text);
  }

  function feed(text: string, out: SseEvent[]): void {
    let i = 0;
    if (afterCR && text.length > 0) {
      if (text.charCodeAt(0) === LF) i = 1;
      afterCR = false;
    }
    let lf = text.indexOf("\n", i);
    let cr = text.indexOf("\r", i);
    while (i < text.length) {
      if (lf >= 0 && lf < i) lf = text.indexOf("\n", i);
      if (cr >= 0 && cr < i) cr = text.indexOf("\r", i);
      const brk = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (brk < 0) {
        append(text.slice(i));
        return;
      }
      append(text.slice(i, brk));
      endLine(out);
      i = brk + 1;
      if (text.charCodeAt(brk) === CR) {
        if (i === text.length) afterCR = true;
        else if (text.charCodeAt(i) === LF) i += 1;
      }
    }
  }

  function take(text: string): string {
    if (started || text === "") return text;
    started = true;
    return text.startsWith(BOM) ? text.slice(1) : text;
  }

  return {
    push(chunk) {
      const out: SseEvent[] = [];
      const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
      feed(take(text), out);
      return out;
    },
    end() {
      const out: SseEvent[] = [];
      feed(take(decoder.decode()), out);
      if (line !== "") endLine(out);
      dispatch(out);
      afterCR = false;
      return out;
    },
  };
}
