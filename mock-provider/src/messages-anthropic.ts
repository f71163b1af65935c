import { lookupPrice } from "../../src/pricing/lookup";
import { deliver } from "./deliver";
import { parseDirectives } from "./directives";
import { refusingFault } from "./faults";
import { anthropicFrames, anthropicMessage, type AnthropicReply } from "./format-anthropic";
import { anthropicError, anthropicKey, bearerKey, invalidRequest, modelNotFound, nextId } from "./http";
import { arrayField, intField, isObject, isString, readJson, stringField, type JsonObject } from "./json";
import { lastUserText } from "./message-text";
import { makePlan } from "./plan";
import { anthropicPromptTokens } from "./prompt-anthropic";

import { logRequest } from "./request-log";

/** The tool a `tool_choice` forces: `{"type":"tool","name"}`, or the first tool for `{"type":"any"}`. */
export function forcedAnthropicTool(body: JsonObject): string | null {
  const choice = body.tool_choice;
  if (!isObject(choice)) return null;
  if (choice.type === "tool" && isString(choice.name)) return choice.name;
  if (choice.type === "any") {
    const first = arrayField(body, "tools")?.[0];
    if (isObject(first) && isString(first.name)) return first.name;
  }
  return null;
}

/** `POST /v1/messages`, streaming or not. */
export async function handleAnthropicMessages(request: Request, ctx: ExecutionContext): Promise<Response> {
  // x-api-key as documented; @anthropic-ai/sdk >= 1.x sends `Authorization: Bearer <apiKey>` instead.
  const key = anthropicKey(request) ?? bearerKey(request);
  if (key === null) return anthropicError(401, "authentication_error", "x-api-key header is required");
  const body = await readJson(request);
  logRequest(key, request, body);
  if (request.headers.get("anthropic-version") === null) {
    return anthropicError(400, "invalid_request_error", "anthropic-version: header is required");
  }
  if (!isObject(body)) return invalidRequest("anthropic", "There was an issue with the request body: invalid JSON.");
  const model = stringField(body, "model");
  if (model === null) return invalidRequest("anthropic", "model: Field required");
  const price = lookupPrice(model);
  if (price === null || price.vendor !== "anthropic" || price.kind !== "chat") return modelNotFound("anthropic", model);
  const maxTokens = intField(body, "max_tokens");
  if (maxTokens === undefined) return invalidRequest("anthropic", "max_tokens: Field required");
  if (!(maxTokens >= 1)) return invalidRequest("anthropic", "max_tokens: must be an integer of at least 1");
  const messages = arrayField(body, "messages");
  if (messages === null || messages.length === 0 || !messages.every((m) => isObject(m) && isString(m.role))) {
    return invalidRequest("anthropic", "messages: must be a non-empty list of messages with a role");
  }
  const directives = parseDirectives(lastUserText(messages));
  if ("error" in directives) return invalidRequest("anthropic", directives.error);
  const refused = await refusingFault("anthropic", directives, request.signal);
  if (refused !== null) return refused;

  const id = nextId();
  const plan = makePlan({
    promptTokens: anthropicPromptTokens(body.system, messages, body.tools),
    maxTokens,
    directives,
    toolName: directives.tool ?? forcedAnthropicTool(body),
    reasoning: false,
    encoding: "o200k_base",
    id: `toolu_${id}`,
  });
  const stream = body.stream === true;
  const reply: AnthropicReply = { id: `msg_${id}`, model, plan, missingUsage: directives.fault === "missing_usage" };
  return deliver({
    key,
    model,
    price,
    path: "/v1/messages",
    plan,
    directives,
    stream,
    request,
    ctx,
    headers: { "request-id": `req_${id}` },
    body: () => anthropicMessage(reply),
    frames: () => anthropicFrames(reply),
  });
}
