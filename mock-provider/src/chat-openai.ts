import { acceptOpenaiRequest } from "./openai-request";
import { deliver } from "./deliver";
import { parseDirectives } from "./directives";
import { refusingFault } from "./faults";
import { openaiCompletion, openaiFrames, type OpenaiReply } from "./format-openai";
import { invalidRequest, nextId } from "./http";
import { arrayField, intField, isObject, isString, type JsonObject } from "./json";
import { makePlan } from "./plan";
import { lastUserText } from "./message-text";
import { openaiPromptTokens } from "./prompt-openai";

/** The function a `tool_choice` forces: a named function, or the first tool for "required". */
export function forcedOpenaiTool(body: JsonObject): string | null {
  const choice = body.tool_choice;
  if (isObject(choice) && isObject(choice.function) && isString(choice.function.name)) return choice.function.name;
  if (choice === "required") {
    const first = arrayField(body, "tools")?.[0];
    if (isObject(first) && isObject(first.function) && isString(first.function.name)) return first.function.name;
  }
  return null;
}

/** `POST /v1/chat/completions`, streaming or not. */
export async function handleOpenaiChat(request: Request, ctx: ExecutionContext): Promise<Response> {
  const accepted = await acceptOpenaiRequest(request, "chat");
  if (accepted instanceof Response) return accepted;
  const { key, body, model, price } = accepted;
  const messages = arrayField(body, "messages");
  if (messages === null || messages.length === 0 || !messages.every((m) => isObject(m) && isString(m.role))) {
    return invalidRequest("openai", "'messages' must be a non-empty array of messages with a role.", "messages");
  }
  const maxTokens = intField(body, "max_completion_tokens") ?? intField(body, "max_tokens");
  if (maxTokens !== undefined && !(maxTokens >= 1)) {
    return invalidRequest("openai", "max_tokens must be an integer of at least 1.", "max_tokens");
  }
  const directives = parseDirectives(lastUserText(messages));
  if ("error" in directives) return invalidRequest("openai", directives.error, "messages");
  const refused = await refusingFault("openai", directives, request.signal);
  if (refused !== null) return refused;

  const encoding = price.encoding ?? "o200k_base";
  const id = nextId();
  const plan = makePlan({
    promptTokens: openaiPromptTokens(messages, body.tools, encoding),
    maxTokens: maxTokens ?? null,
    directives,
    toolName: directives.tool ?? forcedOpenaiTool(body),
    reasoning: true,
    encoding,
    id: `call_${id}`,
  });
  const stream = body.stream === true;
  const streamOptions = body.stream_options;
  const reply: OpenaiReply = {
    id: `chatcmpl-${id}`,
    model,
    plan,
    includeUsage: stream && isObject(streamOptions) && streamOptions.include_usage === true,
    missingUsage: directives.fault === "missing_usage",
  };
  return deliver({
    key,
    model,
    price,
    path: "/v1/chat/completions",
    plan,
    directives,
    stream,
    request,
    ctx,
    headers: { "x-request-id": `req_${id}`, "openai-processing-ms": "1" },
    body: () => openaiCompletion(reply),
    frames: () => openaiFrames(reply),
  });
}
