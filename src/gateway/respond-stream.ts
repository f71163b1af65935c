import { refuse } from "../errors/refusal";
import { safetyRefusal } from "../safety/pipeline/safety-refusal";
import { createStreamGuard, type GuardResult, type StreamGuard } from "../safety/stream/stream-guard";
import { streamPolicy } from "../safety/stream/stream-policy";
import { createSseParser, serializeSseEvent } from "../sse";
import type { ProviderAdapter, SseEvent, UpstreamCall } from "../providers/types";
import type { CallPlan, Grant } from "./call-plan";
import { outputMeter } from "./output-meter";
import { readWithTimeout } from "./read-with-timeout";
import { settleCall, type CallResult, type Outcome } from "./settle-call";
import { safetyWarningComment, streamErrorEvent } from "./stream-error-event";
import { successHeaders } from "./success-headers";

/**
 * A successful streaming upstream response. Events are forwarded as they arrive. The pump runs under
 * `waitUntil`: after a client disconnect it keeps reading to the provider's usage (policy `drain`) or stops and
 * charges the whole reservation (`bill_reservation`). A provider that produces past the reserved bound is cut
 * off for the agent at that bound, drained for its usage, and charged what it reports.
 *
 * Output safety (issue #5): unless every output action is `off`, text deltas pass through a stream guard after the
 * output meter (billing counts what the provider produced) and the agent receives what the guard releases — held back
 * while it could still be part of a match, redacted where the policy says so. A `block` stops forwarding and ends the
 * stream with a `safety_blocked` error event in the agent's shape; the upstream is still drained for usage and the
 * call settles as `safety_blocked`. Output warnings go out as an SSE comment just before the end (headers are gone).
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
  const { plan, grant, writer } = args;
  const encoder = new TextEncoder();
  const translator = args.adapter.streamTranslator(args.call);
  const meter = outputMeter(plan.shape, plan.route.price, grant.maxTokens, plan.choices);
  const parser = createSseParser();
  let clientGone = false;
  let cutOff = false;
  let outcome = "ok" as Outcome;
  let ttfbMs: number | undefined;
  const safety = streamPolicy(plan.safety.output);
  const guard: StreamGuard | null = safety === null ? null : createStreamGuard(plan.shape, safety, plan.safety.session);
  const send = async (events: SseEvent[]): Promise<void> => {
    for (const event of events) {
      if (clientGone || cutOff) return;
      try {
        await writer.write(encoder.encode(serializeSseEvent(event)));
      } catch {
        clientGone = true;
      }
    }
  };
  const forward = async (events: SseEvent[]): Promise<void> => {
    // Counting goes on while draining after a cut-off, so an overproduction without usage is estimated in full.
    const over = plan.endpoint === "chat" && meter.add(events);
    if (cutOff) return;
    if (over) {
      await send([streamErrorEvent(plan.shape, refuse("upstream_error", "The provider exceeded max_tokens; the stream was stopped at the reserved bound."))]);
      cutOff = true;
      outcome = "overproduced";
      return;
    }
    await send(guard === null ? events : await guarded(guard.rewrite(events)));
  };
  /** Forwards what the guard released; on a block, ends the stream like a cut-off (the upstream is still drained). */
  const guarded = async (result: GuardResult): Promise<SseEvent[]> => {
    if (result.blocked === null || guard === null) return result.events;
    await send(result.events);
    const categories = [...new Set(result.blocked.map((f) => f.category))].sort();
    await send([streamErrorEvent(plan.shape, safetyRefusal(categories, "output", []))]);
    cutOff = true;
    outcome = "safety_blocked";
    return [];
  };
  const body: ReadableStream<Uint8Array> | null = args.upstream.body;
  let billReservation = false;
  try {
    if (body === null) throw new Error("upstream stream has no body");
    const reader = body.getReader();
    for (;;) {
      const chunk = await readWithTimeout(reader, args.idleTimeoutMs);
      if (chunk === "timeout") throw new Error("upstream stream idle timeout");
      if (chunk.done) break;
      ttfbMs ??= Date.now() - plan.startedAt;
      for (const event of parser.push(chunk.value)) await forward(translator.push(event));
      if (clientGone && grant.disconnectPolicy === "bill_reservation") {
        billReservation = true;
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
    if (!billReservation) {
      for (const event of parser.end()) await forward(translator.push(event));
      const closing = translator.finish();
      if (guard === null) await send(closing);
      else if (!cutOff) await send([...(await guarded(guard.rewrite(closing))), ...(await guarded(guard.finish()))]);
    }
  } catch {
    if (outcome === "ok") outcome = "incomplete";
    // Text the guard still holds was produced and is now scanned whole: release it (redacted) before the error.
    if (guard !== null && !cutOff) await send(await guarded(guard.finish()));
    await send([streamErrorEvent(plan.shape, refuse("upstream_error", "The provider's stream ended abnormally."))]);
  }
  if (clientGone && outcome === "ok") outcome = "client_aborted";
  const comment = guard === null || outcome !== "ok" ? null : safetyWarningComment(guard.verdict().warn);
  if (comment !== null && !clientGone) await writer.write(encoder.encode(comment)).catch(() => undefined);
  if (!clientGone) await writer.close().catch(() => undefined);
  let usage = outcome === "incomplete" ? null : translator.usage();
  if (outcome === "overproduced" && usage === null) {
    // No usage from a provider that overproduced: bound it by the prompt bound and every token it sent.
    usage = { input: plan.promptTokens, cachedInput: 0, cacheWrite: 0, output: meter.tokens(), reasoning: 0 };
  }
  // A stream that broke, or ended without usage, is charged its whole reservation, never zero.
  const result: CallResult = { status: 200, outcome, usage, billReservation };
  if (ttfbMs !== undefined) result.ttfbMs = ttfbMs;
  if (outcome === "safety_blocked") result.errorCode = "safety_blocked";
  if (guard !== null) result.safetyFindings = await guard.auditFindings();
  await settleCall(env, ctx, plan, grant, result);
}
