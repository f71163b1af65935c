import type { TextSlot, TextSource } from "./types";

type Path = readonly (string | number)[];

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string content, or an array of content parts/blocks whose `type: "text"` items carry `text`. */
export function contentSlots(content: unknown, path: Path, source: TextSource): TextSlot[] {
  if (typeof content === "string") return [{ source, path, text: content, kind: "text" }];
  if (!Array.isArray(content)) return [];
  const out: TextSlot[] = [];
  content.forEach((part: unknown, i) => {
    if (isObject(part) && part.type === "text" && typeof part.text === "string") out.push({ source, path: [...path, i, "text"], text: part.text, kind: "text" });
  });
  return out;
}

/** A string value at `path` (OpenAI tool-call `arguments` are JSON text; redaction stays inside string values). */
export function stringSlot(value: unknown, path: Path, source: TextSource): TextSlot[] {
  return typeof value === "string" ? [{ source, path, text: value, kind: "text" }] : [];
}

/** A structured value scanned as its JSON text (Anthropic `tool_use.input`). */
export function jsonSlot(value: unknown, path: Path, source: TextSource): TextSlot[] {
  if (value === undefined) return [];
  const text = JSON.stringify(value);
  return typeof text === "string" ? [{ source, path, text, kind: "json" }] : [];
}

/** Anthropic content blocks: text, tool results (indirect injection), text documents, tool-use inputs. */
export function anthropicBlockSlots(content: unknown, path: Path, source: TextSource): TextSlot[] {
  if (!Array.isArray(content)) return contentSlots(content, path, source);
  const out: TextSlot[] = [];
  content.forEach((block: unknown, i) => {
    if (!isObject(block)) return;
    const at = [...path, i];
    if (block.type === "text") out.push(...stringSlot(block.text, [...at, "text"], source));
    else if (block.type === "tool_result") out.push(...contentSlots(block.content, [...at, "content"], "tool_result"));
    else if (block.type === "tool_use") out.push(...jsonSlot(block.input, [...at, "input"], "tool_call"));
    else if (block.type === "document" && isObject(block.source) && block.source.type === "text") {
      out.push(...stringSlot(block.source.data, [...at, "source", "data"], "document"));
    }
  });
  return out;
}
