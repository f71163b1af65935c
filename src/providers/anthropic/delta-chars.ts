import { asObject, asString } from "../shared/json";

/**
 * Characters forwarded by one Anthropic `content_block_delta`: text, tool input JSON and, when the agent
 * receives them (pass-through), thinking text.
 */
export function blockDeltaChars(delta: unknown, includeThinking: boolean): number {
  const d = asObject(delta);
  if (d === undefined) return 0;
  if (d.type === "text_delta") return asString(d.text)?.length ?? 0;
  if (d.type === "input_json_delta") return asString(d.partial_json)?.length ?? 0;
  if (d.type === "thinking_delta" && includeThinking) return asString(d.thinking)?.length ?? 0;
  return 0;
}
