import type { ApiShape } from "../../providers/types";
import { anthropicBlockSlots, contentSlots, isObject, stringSlot } from "./slots";
import type { TextSlot, TextSource } from "./types";

/**
 * Every text of a request body the agent sends to a provider: system prompts, message contents, tool results (the
 * channel for indirect injection), tool-call arguments, and embedding inputs. Token-id inputs and images are not text.
 */
export function requestTexts(body: Readonly<Record<string, unknown>>, shape: ApiShape, endpoint: "chat" | "embeddings"): TextSlot[] {
  if (endpoint === "embeddings") return embeddingSlots(body.input);
  const messages = Array.isArray(body.messages) ? (body.messages as unknown[]) : [];
  const out: TextSlot[] = [];
  if (shape === "anthropic") {
    out.push(...anthropicBlockSlots(body.system, ["system"], "system"));
    messages.forEach((m, i) => {
      if (isObject(m)) out.push(...anthropicBlockSlots(m.content, ["messages", i, "content"], "message"));
    });
    return out;
  }
  messages.forEach((m, i) => {
    if (!isObject(m)) return;
    out.push(...contentSlots(m.content, ["messages", i, "content"], openaiSource(m.role)));
    if (Array.isArray(m.tool_calls)) {
      m.tool_calls.forEach((call: unknown, j) => {
        if (isObject(call) && isObject(call.function)) out.push(...stringSlot(call.function.arguments, ["messages", i, "tool_calls", j, "function", "arguments"], "tool_call"));
      });
    }
    if (isObject(m.function_call)) out.push(...stringSlot(m.function_call.arguments, ["messages", i, "function_call", "arguments"], "tool_call"));
  });
  return out;
}

function openaiSource(role: unknown): TextSource {
  if (role === "system" || role === "developer") return "system";
  if (role === "tool" || role === "function") return "tool_result";
  return "message";
}

function embeddingSlots(input: unknown): TextSlot[] {
  if (typeof input === "string") return [{ source: "embedding_input", path: ["input"], text: input, kind: "text" }];
  if (!Array.isArray(input)) return [];
  return input.flatMap((item: unknown, i) => stringSlot(item, ["input", i], "embedding_input"));
}
