import type { Fault } from "./directives";
import { sleep, trackStream, waitForRelease, type StreamStatus } from "./stream-state";

/** One SSE event as sent (`event:`/`data:` lines and the blank line). `content` marks a one-token chunk. */
export interface Frame {
  text: string;
  content: boolean;
}

export function frame(data: unknown, event?: string, content = false): Frame {
  const line = `data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;
  return { text: event === undefined ? line : `event: ${event}\n${line}`, content };
}

export interface StreamOptions {
  paceMs: number;
  hold: string | null;
  fault: Fault | null;
  afterChunks: number;
}

const GARBAGE = "data: {\"mock\": this is not json <<<\n\n";
const encoder = new TextEncoder();

/** A `text/event-stream` response whose frames are written over time by a task kept alive with waitUntil. */
export function sseResponse(frames: Frame[], options: StreamOptions, ctx: ExecutionContext, headers: Record<string, string>): Response {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  ctx.waitUntil(pump(frames, options, writable.getWriter()));
  return new Response(readable, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", ...headers },
  });
}

/** Index of the frame before which `fault=disconnect` cuts the stream (after `afterChunks` content chunks). */
function cutIndex(frames: Frame[], afterChunks: number): number {
  if (afterChunks === 0) return Math.max(1, frames.findIndex((f) => f.content));
  let seen = 0;
  for (let i = 0; i < frames.length; i++) {
    if (frames[i]?.content === true) seen += 1;
    if (seen >= afterChunks) return i + 1;
  }
  // Fewer content chunks than asked: cut after the last one, before the closing frames.
  return Math.max(1, frames.findLastIndex((f) => f.content) + 1);
}

/** Time for workerd to flush what was written before the stream is errored (else the last bytes are dropped). */
const FLUSH_MS = 50;

async function breakConnection(writer: WritableStreamDefaultWriter<Uint8Array>): Promise<void> {
  await sleep(FLUSH_MS);
  await writer.abort(new Error("mock-provider: fault=disconnect"));
}

async function pump(frames: Frame[], options: StreamOptions, writer: WritableStreamDefaultWriter<Uint8Array>): Promise<void> {
  const status: StreamStatus = options.hold === null ? { chunks_sent: 0, done: false } : trackStream(options.hold);
  const cut = options.fault === "disconnect" ? cutIndex(frames, options.afterChunks) : Number.POSITIVE_INFINITY;
  try {
    for (let i = 0; i < frames.length; i++) {
      const current = frames[i];
      if (current === undefined) break;
      if (i >= cut) {
        await breakConnection(writer);
        return;
      }
      if (i > 0 && options.paceMs > 0) await sleep(options.paceMs);
      await writer.write(encoder.encode(current.text));
      if (!current.content) continue;
      status.chunks_sent += 1;
      if (status.chunks_sent !== 1) continue;
      if (options.fault === "malformed_sse") await writer.write(encoder.encode(GARBAGE));
      if (options.hold !== null) await waitForRelease(options.hold);
    }
    await writer.close();
  } catch {
    // The client went away: nothing to do, the whole generation was billed when the request started.
  } finally {
    status.done = true;
  }
}

/** `fault=disconnect` for a non-stream reply: the first half of the JSON body, then the connection breaks. */
export function truncatedResponse(body: string, ctx: ExecutionContext, headers: Record<string, string>): Response {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const cutShort = async (): Promise<void> => {
    try {
      await writer.write(encoder.encode(body.slice(0, Math.floor(body.length / 2))));
      await breakConnection(writer);
    } catch {
      // Client already gone.
    }
  };
  ctx.waitUntil(cutShort());
  return new Response(readable, { headers: { "content-type": "application/json", ...headers } });
}
