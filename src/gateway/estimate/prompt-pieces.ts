/**
 * What a prompt is made of, for bounding its token count: texts to tokenize, images (each bounded by the
 * model's image bound), opaque inputs bounded by their byte size, and the number of messages (overhead).
 */
export interface PromptPieces {
  texts: string[];
  images: number;
  opaqueBytes: number;
  messages: number;
}

export const emptyPieces = (): PromptPieces => ({ texts: [], images: 0, opaqueBytes: 0, messages: 0 });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Adds one content value (string, or array of OpenAI parts / Anthropic blocks) to `pieces`. */
export function addContent(pieces: PromptPieces, content: unknown): void {
  if (typeof content === "string") {
    pieces.texts.push(content);
    return;
  }
  if (!Array.isArray(content)) {
    if (content !== null && content !== undefined) pieces.texts.push(JSON.stringify(content));
    return;
  }
  for (const part of content) addPart(pieces, part);
}

function addPart(pieces: PromptPieces, part: unknown): void {
  if (!isRecord(part)) {
    pieces.texts.push(JSON.stringify(part));
    return;
  }
  const type = part.type;
  if ((type === "text" || type === "input_text") && typeof part.text === "string") {
    pieces.texts.push(part.text);
  } else if (type === "image_url" || type === "image" || type === "input_image") {
    pieces.images += 1;
  } else if (type === "tool_result") {
    addContent(pieces, part.content);
  } else if (type === "tool_use") {
    pieces.texts.push(typeof part.name === "string" ? part.name : "", JSON.stringify(part.input ?? {}));
  } else {
    // Audio, files, documents and unknown parts: bounded by their serialized size.
    pieces.opaqueBytes += JSON.stringify(part).length;
  }
}

export function addJson(pieces: PromptPieces, value: unknown): void {
  if (value !== undefined && value !== null) pieces.texts.push(JSON.stringify(value));
}
