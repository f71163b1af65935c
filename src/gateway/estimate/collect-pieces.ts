import { addContent, addJson, emptyPieces, type PromptPieces } from "./prompt-pieces";

/** The prompt pieces of an OpenAI chat-completions body. */
export function openaiChatPieces(body: Readonly<Record<string, unknown>>): PromptPieces {
  const pieces = emptyPieces();
  const messages = Array.isArray(body.messages) ? (body.messages as unknown[]) : [];
  for (const raw of messages) {
    pieces.messages += 1;
    if (typeof raw !== "object" || raw === null) continue;
    const message = raw as Record<string, unknown>;
    if (typeof message.role === "string") pieces.texts.push(message.role);
    if (typeof message.name === "string") pieces.texts.push(message.name);
    addContent(pieces, message.content);
    addJson(pieces, message.tool_calls);
    addJson(pieces, message.function_call);
  }
  addJson(pieces, body.tools);
  addJson(pieces, body.functions);
  addJson(pieces, body.tool_choice);
  addJson(pieces, body.response_format);
  return pieces;
}

/** The prompt pieces of an Anthropic messages body. */
export function anthropicPieces(body: Readonly<Record<string, unknown>>): PromptPieces {
  const pieces = emptyPieces();
  addContent(pieces, body.system);
  const messages = Array.isArray(body.messages) ? (body.messages as unknown[]) : [];
  for (const raw of messages) {
    pieces.messages += 1;
    if (typeof raw !== "object" || raw === null) continue;
    const message = raw as Record<string, unknown>;
    if (typeof message.role === "string") pieces.texts.push(message.role);
    addContent(pieces, message.content);
  }
  addJson(pieces, body.tools);
  addJson(pieces, body.tool_choice);
  return pieces;
}

/** The inputs of an OpenAI embeddings body; token-id arrays count one token per id. */
export function embeddingPieces(body: Readonly<Record<string, unknown>>): { pieces: PromptPieces; tokenIds: number } {
  const pieces = emptyPieces();
  let tokenIds = 0;
  const input = body.input;
  const items: unknown[] = Array.isArray(input) ? input : [input];
  for (const item of items) {
    if (typeof item === "string") pieces.texts.push(item);
    else if (typeof item === "number") tokenIds += 1;
    else if (Array.isArray(item)) tokenIds += item.length;
  }
  return { pieces, tokenIds };
}
