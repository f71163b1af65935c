import type { UpstreamCall } from "../types";
import { ProviderRequestError } from "../errors";
import { asArray, asNumber, asObject, asString, type JsonObject } from "../shared/json";
import { withOpenAIStreamFlags } from "../shared/stream-flags";
import { completionBoundField } from "./completion-bound";
import { anthropicMessagesToOpenAI } from "./from-anthropic-messages";

/**
 * An Anthropic messages request → an OpenAI chat request for `call.model`. Fields without an OpenAI
 * counterpart (top_k, thinking, cache_control, service_tier) are dropped.
 */
export function anthropicToOpenAIRequest(call: UpstreamCall): JsonObject {
  const body = call.body;
  const out: JsonObject = { model: call.model, messages: anthropicMessagesToOpenAI(body.system, body.messages) };
  const bound = call.maxTokens ?? asNumber(body.max_tokens);
  if (bound !== undefined) out[completionBoundField(call.model, false)] = bound;
  for (const key of ["temperature", "top_p"] as const) {
    const value = asNumber(body[key]);
    if (value !== undefined) out[key] = value;
  }
  const stop = (asArray(body.stop_sequences) ?? []).filter((s): s is string => typeof s === "string");
  if (stop.length > 0) out.stop = stop;
  const user = asString(asObject(body.metadata)?.user_id);
  if (user !== undefined) out.user = user;
  const tools = (asArray(body.tools) ?? []).map(toolToFunction);
  if (tools.length > 0) {
    out.tools = tools;
    Object.assign(out, toolChoice(asObject(body.tool_choice)));
  }
  return withOpenAIStreamFlags(out, call.stream);
}

function toolToFunction(item: unknown): JsonObject {
  const tool = asObject(item);
  const name = asString(tool?.name);
  if (tool === undefined || name === undefined || (tool.type !== undefined && tool.type !== "custom")) {
    throw new ProviderRequestError(`Unsupported tool for an OpenAI model: ${asString(tool?.type) ?? "unnamed"}`);
  }
  const fn: JsonObject = { name, parameters: asObject(tool.input_schema) ?? { type: "object", properties: {} } };
  const description = asString(tool.description);
  if (description !== undefined) fn.description = description;
  return { type: "function", function: fn };
}

function toolChoice(choice: JsonObject | undefined): JsonObject {
  if (choice === undefined) return {};
  const out: JsonObject = {};
  if (choice.type === "auto") out.tool_choice = "auto";
  else if (choice.type === "any") out.tool_choice = "required";
  else if (choice.type === "none") out.tool_choice = "none";
  else if (choice.type === "tool") {
    out.tool_choice = { type: "function", function: { name: asString(choice.name) ?? "" } };
  }
  if (choice.disable_parallel_tool_use === true && choice.type !== "none") out.parallel_tool_calls = false;
  return out;
}
