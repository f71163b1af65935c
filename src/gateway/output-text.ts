import type { ApiShape, SseEvent } from "../providers/types";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Completion text (content and tool arguments) carried by one outbound event, in the agent's shape. */
export function deltaText(shape: ApiShape, event: SseEvent): string {
  let json: unknown;
  try {
    json = JSON.parse(event.data);
  } catch {
    return "";
  }
  if (!isRecord(json)) return "";
  if (shape === "anthropic") {
    const delta = json.delta;
    if (json.type !== "content_block_delta" || !isRecord(delta)) return "";
    return [delta.text, delta.partial_json, delta.thinking].filter((t): t is string => typeof t === "string").join("");
  }
  const choices = Array.isArray(json.choices) ? json.choices : [];
  let text = "";
  for (const choice of choices) {
    const delta = isRecord(choice) && isRecord(choice.delta) ? choice.delta : null;
    if (delta === null) continue;
    if (typeof delta.content === "string") text += delta.content;
    if (typeof delta.reasoning_content === "string") text += delta.reasoning_content;
    for (const call of Array.isArray(delta.tool_calls) ? delta.tool_calls : []) {
      const fn = isRecord(call) && isRecord(call.function) ? call.function : null;
      if (fn !== null && typeof fn.arguments === "string") text += fn.arguments;
    }
  }
  return text;
}
