import { refuse } from "../errors/refusal";
import { createSseParser, serializeSseEvent } from "../sse";
import type { ProviderAdapter, SseEvent, UpstreamCall } from "../providers/types";
import type { CallPlan, Grant } from "./call-plan";
import { settleCall, type Outcome } from "./settle-call";
import { streamErrorEvent } from "./stream-error-event";
import { successHeaders } from "./success-headers";

/**
 * A successful streaming upstream response. Events are forwarded as they arrive. The pump runs under
 * `waitUntil` and keeps reading the upstream after the client disconnects (policy `drain`), so the
 * settlement uses the usage the provider reports — what it bills — even for abandoned streams.
 */
export function respondStream(
  env: Env,
  ctx: ExecutionContext,
  plan: CallPlan,
  grant: Grant,
  adapter: ProviderAdapter,
  call: UpstreamCall,
  upstream: Response,
  idleTimeoutMs: number,
): Response {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  ctx.waitUntil(pump(env, ctx, { plan, grant, adapter, call, upstream, idleTimeoutMs, writer: writable.getWriter() }));
  const headers = successHeaders(plan, grant);
  headers.set("content-type", "text/event-stream; charset=utf-8");
  headers.set("cache-control", "no-cache");
  return new Response(readable, { status: 200, headers });
}

interface PumpArgs {
  plan: CallPlan;
  grant: Grant;
  adapter: ProviderAdapter;
  call: UpstreamCall;
  upstream: Response;
  idleTimeoutMs: number;
  writer: WritableStreamDefaultWriter<Uint8Array>;
}

async function pump(env: Env, ctx: ExecutionContext, args: PumpArgs): Promise<void> {
  const { plan, writer } = args;
  const encoder = new TextEncoder();
  const translator = args.adapter.streamTranslator(args.call);
  const parser = createSseParser();
  let clientGone = false;
  let outcome: Outcome = "ok";
  let ttfbMs: number | undefined;
  const send = async (events: SseEvent[]): Promise<void> => {
    for (const event of events) {
      if (clientGone) return;
      try {
        await writer.write(encoder.encode(serializeSseEvent(event)));
      } catch {
        clientGone = true;
      }
    }
  };
  const body: ReadableStream<Uint8Array> | null = args.upstream.body;
  try {
    if (body === null) throw new Error("upstream stream has no body");
    const reader = body.getReader();
    for (;;) {
      const chunk = await readWithTimeout(reader, args.idleTimeoutMs);
      if (chunk === "timeout") throw new Error("upstream stream idle timeout");
      if (chunk.done) break;
      ttfbMs ??= Date.now() - plan.startedAt;
      for (const event of parser.push(chunk.value)) await send(translator.push(event));
    }
    for (const event of parser.end()) await send(translator.push(event));
    await send(translator.finish());
  } catch {
    outcome = "incomplete";
    await send([streamErrorEvent(plan.shape, refuse("upstream_error", "The provider's stream ended abnormally."))]);
  }
  if (clientGone && outcome === "ok") outcome = "client_aborted";
  if (!clientGone) await writer.close().catch(() => undefined);
  // A stream that ended without usage is charged its whole reservation, never zero.
  const usage = outcome === "incomplete" ? null : translator.usage();
  await settleCall(env, ctx, plan, args.grant, { status: 200, outcome, usage, ...(ttfbMs !== undefined ? { ttfbMs } : {}) });
}

async function readWithTimeout(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  timeoutMs: number,
): Promise<ReadableStreamReadResult<Uint8Array> | "timeout"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => { resolve("timeout"); }, timeoutMs);
  });
  try {
    const result = await Promise.race([reader.read(), timeout]);
    if (result === "timeout") await reader.cancel().catch(() => undefined);
    return result;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
