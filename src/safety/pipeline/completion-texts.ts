import type { ApiShape } from "../../providers/types";
import { anthropicBlockSlots, contentSlots, isObject, stringSlot } from "./slots";
import type { TextSlot } from "./types";

/**
 * Every text of a (translated, caller-shaped) non-streaming chat completion: OpenAI `choices[].message.content` and
 * tool-call arguments; Anthropic `content[]` text blocks and tool-use inputs. All are labelled `completion`.
 */
export function completionTexts(body: unknown, shape: ApiShape): TextSlot[] {
  if (!isObject(body)) return [];
  if (shape === "anthropic") {
    return anthropicBlockSlots(body.content, ["content"], "completion").map((slot) => ({ ...slot, source: "completion" }));
  }
  const choices = Array.isArray(body.choices) ? (body.choices as unknown[]) : [];
  const out: TextSlot[] = [];
  choices.forEach((choice, i) => {
    if (!isObject(choice) || !isObject(choice.message)) return;
    const message = choice.message;
    out.push(...contentSlots(message.content, ["choices", i, "message", "content"], "completion"));
    if (Array.isArray(message.tool_calls)) {
      message.tool_calls.forEach((call: unknown, j) => {
        if (isObject(call) && isObject(call.function)) out.push(...stringSlot(call.function.arguments, ["choices", i, "message", "tool_calls", j, "function", "arguments"], "completion"));
      });
    }
  });
  return out;
}
