import { asArray, asObject, asString } from "../shared/json";

/** Characters of completion text (content, refusal) and tool-call arguments in one chunk's choices. */
export function deltaChars(choices: unknown): number {
  let chars = 0;
  for (const item of asArray(choices) ?? []) {
    const delta = asObject(asObject(item)?.delta);
    if (delta === undefined) continue;
    chars += (asString(delta.content)?.length ?? 0) + (asString(delta.refusal)?.length ?? 0);
    chars += asString(asObject(delta.function_call)?.arguments)?.length ?? 0;
    for (const call of asArray(delta.tool_calls) ?? []) {
      chars += asString(asObject(asObject(call)?.function)?.arguments)?.length ?? 0;
    }
  }
  return chars;
}
