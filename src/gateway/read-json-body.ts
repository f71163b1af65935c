import { readCappedText } from "../http/read-capped-text";
import { refuse, type Refusal } from "../errors/refusal";

/**
 * Reads a JSON object body with a hard byte cap (checked on Content-Length and while streaming),
 * so an oversize body is refused without being buffered. Returns the parsed object and its raw text.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<{ body: Record<string, unknown>; text: string } | Refusal> {
  const type = request.headers.get("content-type");
  if (type !== null && type !== "" && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type) && !/^text\/plain\b/i.test(type)) {
    return refuse("unsupported_media_type", "Request body must be JSON (Content-Type: application/json).");
  }
  const text = await readCappedText(request, maxBytes);
  if (text === null) return tooLarge(maxBytes);
  if (text.trim() === "") return refuse("invalid_request", "Request body is empty; a JSON object is required.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message.replace(/"[^"]{24,}"/g, '"…"').slice(0, 160) : "parse error";
    return refuse("invalid_request", `Request body is not valid JSON (${detail}).`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return refuse("invalid_request", "Request body must be a JSON object.");
  }
  return { body: parsed as Record<string, unknown>, text };
}

function tooLarge(maxBytes: number): Refusal {
  return refuse("payload_too_large", `Request body exceeds the gateway's limit of ${maxBytes} bytes.`);
}
