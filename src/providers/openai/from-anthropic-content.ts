import { ProviderRequestError } from "../errors";
import { asArray, asObject, asString, type JsonObject } from "../shared/json";

/** An Anthropic image block → an OpenAI `image_url` content part (base64 becomes a data URL). */
export function imagePart(block: JsonObject): JsonObject {
  const source = asObject(block.source);
  if (source?.type === "base64") {
    const mediaType = asString(source.media_type) ?? "image/png";
    return { type: "image_url", image_url: { url: `data:${mediaType};base64,${asString(source.data) ?? ""}` } };
  }
  if (source?.type === "url" && typeof source.url === "string") {
    return { type: "image_url", image_url: { url: source.url } };
  }
  throw new ProviderRequestError("Unsupported image source for an OpenAI model (use base64 or url)");
}

/** Anthropic `system` (string or text blocks) → one OpenAI system message, or none when empty. */
export function systemMessage(system: unknown): JsonObject | undefined {
  if (typeof system === "string") return system === "" ? undefined : { role: "system", content: system };
  const blocks = asArray(system);
  if (blocks === undefined) return undefined;
  const text = blocks
    .map((b) => asString(asObject(b)?.text))
    .filter((t): t is string => t !== undefined && t !== "")
    .join("\n");
  return text === "" ? undefined : { role: "system", content: text };
}

/**
 * A `tool_result` block's content → the tool message text plus image parts (OpenAI tool messages
 * carry text only; images travel in a user message right after the tool messages).
 */
export function toolResultContent(content: unknown): { text: string; images: JsonObject[] } {
  if (typeof content === "string") return { text: content, images: [] };
  const texts: string[] = [];
  const images: JsonObject[] = [];
  for (const item of asArray(content) ?? []) {
    const block = asObject(item);
    if (block?.type === "text") texts.push(asString(block.text) ?? "");
    else if (block?.type === "image") images.push(imagePart(block));
    else throw new ProviderRequestError(`Unsupported tool_result content for an OpenAI model: ${blockType(item)}`);
  }
  return { text: texts.join("\n"), images };
}

export function blockType(item: unknown): string {
  return asString(asObject(item)?.type)?.slice(0, 64) ?? "unknown";
}
