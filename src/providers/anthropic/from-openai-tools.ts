import { ProviderRequestError } from "../errors";
import { asArray, asObject, asString, type JsonObject } from "../shared/json";

/** OpenAI `tools` (function tools) or legacy `functions` → Anthropic tools with `input_schema`. */
export function anthropicTools(body: Readonly<JsonObject>): JsonObject[] {
  const tools = (asArray(body.tools) ?? []).map((item) => {
    const tool = asObject(item) ?? {};
    const fn = asObject(tool.function);
    if (tool.type !== "function" || fn === undefined) {
      throw new ProviderRequestError(`Unsupported tool type for a Claude model: ${asString(tool.type)?.slice(0, 64) ?? "missing"}`);
    }
    return toolFromFunction(fn);
  });
  const legacy = (asArray(body.functions) ?? []).map((item) => toolFromFunction(asObject(item) ?? {}));
  return [...tools, ...legacy];
}

function toolFromFunction(fn: JsonObject): JsonObject {
  const tool: JsonObject = {
    name: asString(fn.name) ?? "",
    input_schema: asObject(fn.parameters) ?? { type: "object", properties: {} },
  };
  const description = asString(fn.description);
  if (description !== undefined) tool.description = description;
  return tool;
}

/**
 * OpenAI `tool_choice` (or legacy `function_call`) and `parallel_tool_calls` → Anthropic `tool_choice`:
 * auto → auto, none → none, required → any, a named function → tool. `undefined` when nothing is asked.
 */
export function anthropicToolChoice(body: Readonly<JsonObject>): JsonObject | undefined {
  const raw = body.tool_choice ?? body.function_call;
  let choice: JsonObject | undefined;
  if (raw === "auto") choice = { type: "auto" };
  else if (raw === "none") return { type: "none" };
  else if (raw === "required") choice = { type: "any" };
  else {
    const named = asString(asObject(asObject(raw)?.function)?.name) ?? asString(asObject(raw)?.name);
    if (named !== undefined) choice = { type: "tool", name: named };
  }
  if (body.parallel_tool_calls === false) return { ...(choice ?? { type: "auto" }), disable_parallel_tool_use: true };
  return choice;
}
