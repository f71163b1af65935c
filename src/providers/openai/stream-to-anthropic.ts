import type { TokenUsage } from "../../pricing/cost";
import { ZERO_USAGE } from "../../pricing/cost";
import type { SseEvent, UpstreamCall } from "../types";
import { anthropicEvent } from "../shared/anthropic-event";
import { upstreamErrorInfo } from "../shared/error-info";
import { asArray, asObject, asString, tryParseJson, type JsonObject } from "../shared/json";
import { anthropicStopReason } from "../shared/stop-reasons";
import { anthropicUsageBody } from "../shared/usage-shapes";
import type { CountingStreamTranslator } from "../shared/counting-translator";
import { openaiUsage } from "./usage";

/**
 * OpenAI chat chunks → Anthropic message events for an Anthropic-shaped agent: message_start on the first
 * chunk, one content block per text run or tool call (content_block_start / _delta / _stop), then
 * message_delta (stop_reason, usage incl. input tokens, known only at the end) and message_stop once the
 * upstream sends `[DONE]` or ends. Only the first choice is translated. An upstream error chunk becomes an
 * Anthropic `error` event and ends the translation.
 */
export function openaiToAnthropicStream(call: UpstreamCall): CountingStreamTranslator {
  let usage: TokenUsage | null = null;
  let chars = 0;
  let malformed = 0;
  let started = false;
  let closed = false;
  let finishReason: unknown = null;
  let blockCount = 0;
  let openBlock: { index: number; kind: "text" | "tool"; toolIndex?: number } | undefined;
  const toolBlocks = new Map<number, number>();

  function start(out: SseEvent[], chunk: JsonObject): void {
    if (started) return;
    started = true;
    const message = {
      id: asString(chunk.id) ?? "msg_unknown",
      type: "message",
      role: "assistant",
      model: asString(chunk.model) ?? call.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 0, output_tokens: 0 },
    };
    out.push(anthropicEvent("message_start", { message }));
  }

  function closeBlock(out: SseEvent[]): void {
    if (openBlock === undefined) return;
    out.push(anthropicEvent("content_block_stop", { index: openBlock.index }));
    openBlock = undefined;
  }

  function text(out: SseEvent[], value: string): void {
    if (openBlock?.kind !== "text") {
      closeBlock(out);
      openBlock = { index: blockCount++, kind: "text" };
      out.push(anthropicEvent("content_block_start", { index: openBlock.index, content_block: { type: "text", text: "" } }));
    }
    chars += value.length;
    out.push(anthropicEvent("content_block_delta", { index: openBlock.index, delta: { type: "text_delta", text: value } }));
  }

  function toolCall(out: SseEvent[], item: unknown): void {
    const delta = asObject(item) ?? {};
    const fn = asObject(delta.function) ?? {};
    const toolIndex = typeof delta.index === "number" ? delta.index : 0;
    let index = toolBlocks.get(toolIndex);
    if (index === undefined) {
      closeBlock(out);
      index = blockCount++;
      toolBlocks.set(toolIndex, index);
      openBlock = { index, kind: "tool", toolIndex };
      const block = { type: "tool_use", id: asString(delta.id) ?? `toolu_${index}`, name: asString(fn.name) ?? "", input: {} };
      out.push(anthropicEvent("content_block_start", { index, content_block: block }));
    }
    const args = asString(fn.arguments);
    if (args === undefined || args === "") return;
    chars += args.length;
    out.push(anthropicEvent("content_block_delta", { index, delta: { type: "input_json_delta", partial_json: args } }));
  }

  function close(out: SseEvent[]): void {
    if (closed) return;
    closed = true;
    start(out, {});
    closeBlock(out);
    const delta = { stop_reason: anthropicStopReason(finishReason), stop_sequence: null };
    out.push(anthropicEvent("message_delta", { delta, usage: anthropicUsageBody(usage ?? ZERO_USAGE) }));
    out.push(anthropicEvent("message_stop"));
  }

  function push(event: SseEvent): SseEvent[] {
    const out: SseEvent[] = [];
    if (closed) return out;
    if (event.data.trim() === "[DONE]") {
      close(out);
      return out;
    }
    const chunk = asObject(tryParseJson(event.data));
    if (chunk === undefined) {
      malformed += 1;
      return out;
    }
    const error = asObject(chunk.error);
    if (error !== undefined) {
      closed = true;
      const info = upstreamErrorInfo(500, "", { type: asString(error.type), message: asString(error.message) });
      out.push(anthropicEvent("error", { error: { type: info.type, message: info.message } }));
      return out;
    }
    start(out, chunk);
    usage = openaiUsage(chunk.usage) ?? usage;
    const choice = asObject(asArray(chunk.choices)?.find((c) => asObject(c)?.index === 0 || asObject(c)?.index === undefined));
    const delta = asObject(choice?.delta) ?? {};
    const content = asString(delta.content) ?? asString(delta.refusal);
    if (content !== undefined && content !== "") text(out, content);
    for (const item of asArray(delta.tool_calls) ?? []) toolCall(out, item);
    if (choice?.finish_reason != null) finishReason = choice.finish_reason;
    return out;
  }

  return {
    push,
    finish() {
      const out: SseEvent[] = [];
      close(out);
      return out;
    },
    usage: () => usage,
    outputChars: () => chars,
    malformedEvents: () => malformed,
  };
}
