import { ProviderRequestError } from "../errors";
import { asArray, asObject, asString, type JsonObject } from "../shared/json";

const DATA_URL = /^data:([^;,]+)((?:;[^;,]*)*);base64,(.*)$/s;

/** An OpenAI `image_url` part → an Anthropic image block (data URLs → base64 source, http(s) → url source). */
export function imageBlock(part: JsonObject): JsonObject {
  const url = asString(asObject(part.image_url)?.url) ?? asString(part.image_url) ?? "";
  const data = DATA_URL.exec(url);
  if (data !== null) {
    return { type: "image", source: { type: "base64", media_type: data[1] ?? "", data: data[3] ?? "" } };
  }
  if (/^https?:\/\//i.test(url)) return { type: "image", source: { type: "url", url } };
  throw new ProviderRequestError("image_url must be an http(s) URL or a base64 data URL");
}

/** An OpenAI `file` part carrying a base64 PDF → an Anthropic document block. */
function documentBlock(part: JsonObject): JsonObject {
  const data = DATA_URL.exec(asString(asObject(part.file)?.file_data) ?? "");
  if (data?.[1] !== "application/pdf") throw new ProviderRequestError("Only inline PDF files can be sent to a Claude model");
  return { type: "document", source: { type: "base64", media_type: "application/pdf", data: data[3] ?? "" } };
}

/** OpenAI message content (string or parts) → Anthropic content blocks; empty text is left out. */
export function contentBlocks(content: unknown): JsonObject[] {
  if (typeof content === "string") return content === "" ? [] : [{ type: "text", text: content }];
  if (content === null || content === undefined) return [];
  const parts = asArray(content);
  if (parts === undefined) throw new ProviderRequestError("Message content must be a string or an array of parts");
  const blocks: JsonObject[] = [];
  for (const item of parts) {
    const part = asObject(item) ?? {};
    if (part.type === "text" || part.type === "refusal") {
      const text = asString(part.text) ?? asString(part.refusal) ?? "";
      if (text !== "") blocks.push({ type: "text", text });
    } else if (part.type === "image_url") blocks.push(imageBlock(part));
    else if (part.type === "file") blocks.push(documentBlock(part));
    else throw new ProviderRequestError(`Unsupported content part for a Claude model: ${asString(part.type)?.slice(0, 64) ?? "unknown"}`);
  }
  return blocks;
}

/** Text of a tool message's content (string or text parts). */
export function plainText(content: unknown): string {
  if (typeof content === "string") return content;
  return (asArray(content) ?? []).map((p) => asString(asObject(p)?.text) ?? "").join("");
}
