import type { TokenUsage } from "../../pricing/cost";
import type { SseEvent, UpstreamCall } from "../types";
import type { CountingStreamTranslator } from "../shared/counting-translator";
import { upstreamErrorInfo } from "../shared/error-info";
import { asNumber, asObject, asString, tryParseJson, type JsonObject } from "../shared/json";
import { openaiFinishReason } from "../shared/stop-reasons";
import { openaiUsageBody } from "../shared/usage-shapes";
import { blockDeltaChars } from "./delta-chars";
import { anthropicUsage } from "./usage";

/**
 * Anthropic events → OpenAI `chat.completion.chunk` events for an OpenAI-shaped agent: the role first, then
 * content and tool-call deltas (index, id and name first, then argument fragments), a finish_reason chunk
 * at message_delta, the usage chunk at message_stop if the agent asked for it, and `[DONE]` from finish().
 * An Anthropic `error` event becomes an OpenAI error event and ends the stream (no `[DONE]`).
 */
export function anthropicToOpenAIStream(call: UpstreamCall): CountingStreamTranslator {
  let usage: TokenUsage | null = null;
  let chars = 0;
  let malformed = 0;
  let id = "chatcmpl-unknown";
  let model = call.model;
  const created = Math.floor(Date.now() / 1000);
  let roleSent = false;
  let finishReason: string | null = null;
  let finishSent = false;
  let usageSent = false;
  let ended = false;
  const toolIndexByBlock = new Map<number, number>();

  function chunk(extra: JsonObject): SseEvent {
    const body: JsonObject = { id, object: "chat.completion.chunk", created, model, ...extra };
    if (call.agentWantsStreamUsage && !("usage" in extra)) body.usage = null;
    return { data: JSON.stringify(body) };
  }

  function delta(out: SseEvent[], d: JsonObject): void {
    if (!roleSent) {
      roleSent = true;
      out.push(chunk({ choices: [{ index: 0, delta: { role: "assistant", content: "" }, logprobs: null, finish_reason: null }] }));
    }
    if (Object.keys(d).length > 0) out.push(chunk({ choices: [{ index: 0, delta: d, logprobs: null, finish_reason: null }] }));
  }

  function sendFinish(out: SseEvent[]): void {
    if (finishSent) return;
    delta(out, {});
    finishSent = true;
    const reason = finishReason ?? "stop";
    out.push(chunk({ choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: reason }] }));
  }

  function sendUsage(out: SseEvent[]): void {
    if (usageSent || !call.agentWantsStreamUsage || usage === null) return;
    usageSent = true;
    out.push(chunk({ choices: [], usage: openaiUsageBody(usage) }));
  }

  function blockStart(out: SseEvent[], index: number, block: JsonObject): void {
    if (block.type === "text") {
      const text = asString(block.text) ?? "";
      chars += text.length;
      delta(out, text === "" ? {} : { content: text });
    } else if (block.type === "tool_use") {
      const toolIndex = toolIndexByBlock.size;
      toolIndexByBlock.set(index, toolIndex);
      const fn = { name: asString(block.name) ?? "", arguments: "" };
      delta(out, { tool_calls: [{ index: toolIndex, id: asString(block.id) ?? `call_${toolIndex}`, type: "function", function: fn }] });
    }
  }

  function blockDelta(out: SseEvent[], index: number, d: JsonObject): void {
    if (d.type === "text_delta") {
      chars += blockDeltaChars(d, false);
      delta(out, { content: asString(d.text) ?? "" });
    } else if (d.type === "input_json_delta") {
      const toolIndex = toolIndexByBlock.get(index);
      const args = asString(d.partial_json) ?? "";
      if (toolIndex === undefined || args === "") return;
      chars += args.length;
      delta(out, { tool_calls: [{ index: toolIndex, function: { arguments: args } }] });
    }
  }

  function push(event: SseEvent): SseEvent[] {
    const out: SseEvent[] = [];
    if (ended) return out;
    const payload = asObject(tryParseJson(event.data));
    if (payload === undefined) {
      malformed += 1;
      return out;
    }
    const index = asNumber(payload.index) ?? 0;
    switch (payload.type) {
      case "message_start": {
        const message = asObject(payload.message) ?? {};
        id = asString(message.id) ?? id;
        model = asString(message.model) ?? model;
        usage = anthropicUsage(message.usage, usage);
        delta(out, {});
        break;
      }
      case "content_block_start":
        blockStart(out, index, asObject(payload.content_block) ?? {});
        break;
      case "content_block_delta":
        blockDelta(out, index, asObject(payload.delta) ?? {});
        break;
      case "message_delta": {
        usage = anthropicUsage(payload.usage, usage);
        const stop = asObject(payload.delta)?.stop_reason;
        if (stop !== undefined && stop !== null) finishReason = openaiFinishReason(stop);
        if (finishReason !== null) sendFinish(out);
        break;
      }
      case "message_stop":
        sendFinish(out);
        sendUsage(out);
        break;
      case "error": {
        ended = true;
        const error = asObject(payload.error) ?? {};
        const info = upstreamErrorInfo(500, "", { type: asString(error.type), message: asString(error.message) });
        out.push({ data: JSON.stringify({ error: { message: info.message, type: info.type, param: null, code: null } }) });
        break;
      }
    }
    return out;
  }

  return {
    push,
    finish() {
      if (ended) return [];
      ended = true;
      const out: SseEvent[] = [];
      sendFinish(out);
      sendUsage(out);
      out.push({ data: "[DONE]" });
      return out;
    },
    usage: () => usage,
    outputChars: () => chars,
    malformedEvents: () => malformed,
  };
}
