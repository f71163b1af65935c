import type { ModelPrice } from "../../src/pricing/lookup";
import { charge } from "./bill";
import type { Directives } from "./directives";
import { firstByteDelay } from "./faults";
import { disconnectedOutput, type Plan } from "./plan";
import { sseResponse, truncatedResponse, type Frame } from "./sse";

export interface Delivery {
  key: string;
  model: string;
  price: ModelPrice;
  path: string;
  plan: Plan;
  directives: Directives;
  stream: boolean;
  request: Request;
  ctx: ExecutionContext;
  headers: Record<string, string>;
  /** The non-stream JSON body. */
  body: () => unknown;
  /** The SSE frames of a stream. */
  frames: () => Frame[];
}

/**
 * Bills the request (once, now, for everything it will generate), applies `slow_first_byte`,
 * then answers as JSON, as a stream, or cut short by `fault=disconnect`.
 */
export async function deliver(d: Delivery): Promise<Response> {
  const fault = d.directives.fault;
  const cutStream = d.stream && fault === "disconnect";
  charge(
    d.key,
    {
      model: d.model,
      path: d.path,
      stream: d.stream,
      fault,
      input_tokens: d.plan.promptTokens,
      cached_tokens: d.plan.cachedTokens,
      output_tokens: cutStream ? disconnectedOutput(d.plan, d.directives.afterChunks) : d.plan.outputTokens,
      reasoning_tokens: d.plan.reasoningTokens,
    },
    d.price,
  );
  await firstByteDelay(d.directives, d.request.signal);
  if (d.stream) {
    const options = { paceMs: d.directives.paceMs, hold: d.directives.hold, fault, afterChunks: d.directives.afterChunks };
    return sseResponse(d.frames(), options, d.ctx, d.headers);
  }
  const text = JSON.stringify(d.body());
  if (fault === "disconnect") return truncatedResponse(text, d.ctx, d.headers);
  return new Response(text, { headers: { "content-type": "application/json", ...d.headers } });
}
