import type { Plan } from "./plan";
import { frame, type Frame } from "./sse";

export interface AnthropicReply {
  id: string;
  model: string;
  plan: Plan;
  missingUsage: boolean;
}

function stopReason(plan: Plan): string {
  if (plan.cut) return "max_tokens";
  return plan.tool === null ? "end_turn" : "tool_use";
}

function usage(plan: Plan, outputTokens: number): Record<string, number> {
  return {
    input_tokens: plan.promptTokens - plan.cachedTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: plan.cachedTokens,
    output_tokens: outputTokens,
  };
}

/** Non-stream `message` body. */
export function anthropicMessage(r: AnthropicReply): Record<string, unknown> {
  const { plan } = r;
  const content =
    plan.tool === null
      ? [{ type: "text", text: plan.chunks.join("") }]
      : [{ type: "tool_use", id: plan.tool.id, name: plan.tool.name, input: JSON.parse(plan.tool.arguments) as unknown }];
  const body: Record<string, unknown> = {
    id: r.id,
    type: "message",
    role: "assistant",
    model: r.model,
    content,
    stop_reason: stopReason(plan),
    stop_sequence: null,
  };
  if (!r.missingUsage) body.usage = usage(plan, plan.outputTokens);
  return body;
}

/** Named SSE events: message_start, content_block_start, ping, deltas, content_block_stop, message_delta, message_stop. */
export function anthropicFrames(r: AnthropicReply): Frame[] {
  const { plan } = r;
  const message: Record<string, unknown> = {
    id: r.id,
    type: "message",
    role: "assistant",
    model: r.model,
    content: [],
    stop_reason: null,
    stop_sequence: null,
  };
  if (!r.missingUsage) message.usage = usage(plan, 1);
  const block =
    plan.tool === null ? { type: "text", text: "" } : { type: "tool_use", id: plan.tool.id, name: plan.tool.name, input: {} };
  const frames: Frame[] = [
    frame({ type: "message_start", message }, "message_start"),
    frame({ type: "content_block_start", index: 0, content_block: block }, "content_block_start"),
    frame({ type: "ping" }, "ping"),
  ];
  for (const piece of plan.chunks) {
    const delta = plan.tool === null ? { type: "text_delta", text: piece } : { type: "input_json_delta", partial_json: piece };
    frames.push(frame({ type: "content_block_delta", index: 0, delta }, "content_block_delta", true));
  }
  frames.push(frame({ type: "content_block_stop", index: 0 }, "content_block_stop"));
  const messageDelta: Record<string, unknown> = {
    type: "message_delta",
    delta: { stop_reason: stopReason(plan), stop_sequence: null },
  };
  if (!r.missingUsage) messageDelta.usage = { output_tokens: plan.outputTokens };
  frames.push(frame(messageDelta, "message_delta"), frame({ type: "message_stop" }, "message_stop"));
  return frames;
}
