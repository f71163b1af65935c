import { readCappedText } from "../../http/read-capped-text";

/**
 * Reads a control-API JSON body with a byte cap checked on Content-Length and while streaming, so an oversize
 * body is never buffered. Only `application/json` is accepted: a browser can send `text/plain` or form bodies
 * cross-site without a CORS preflight, JSON it cannot. An empty body reads as `undefined`.
 */
export type JsonRead = { ok: true; value: unknown } | { ok: false; code: "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "INVALID_JSON"; message: string };

export async function readJson(request: Request, maxBytes: number): Promise<JsonRead> {
  const text = await readCappedText(request, maxBytes);
  if (text === null) return tooLarge(maxBytes);
  if (text.trim() === "") return { ok: true, value: undefined };
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(?:;|$)/i.test(type)) {
    return { ok: false, code: "UNSUPPORTED_MEDIA_TYPE", message: "The request body must be JSON (Content-Type: application/json)." };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, code: "INVALID_JSON", message: "The request body is not valid JSON." };
  }
}

function tooLarge(maxBytes: number): JsonRead {
  return { ok: false, code: "PAYLOAD_TOO_LARGE", message: `The request body exceeds this route's limit of ${maxBytes} bytes.` };
}
