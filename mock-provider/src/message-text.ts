import { isObject, isString } from "./json";

/** Text of a message content: a string, or the `text` parts of a content array (OpenAI and Anthropic alike). */
export function contentText(content: unknown): string {
  if (isString(content)) return content;
  if (!Array.isArray(content)) return "";
  const texts: string[] = [];
  for (const part of content as unknown[]) {
    if (isObject(part) && part.type === "text" && isString(part.text)) texts.push(part.text);
  }
  return texts.join("\n");
}

/** Text of the last `user` message: where `[[mock:…]]` directives are read. */
export function lastUserText(messages: unknown[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (isObject(message) && message.role === "user") return contentText(message.content);
  }
  return "";
}
