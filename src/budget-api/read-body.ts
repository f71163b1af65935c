import type { Context } from "hono";
import type { z } from "zod";
import { controlError, validationError } from "../errors/control-error";
import { readCappedText } from "../http/read-capped-text";

/** Parses and validates a small JSON body for the budget API; a Response is the error to send. */
export async function readBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T> | Response> {
  const text = await readCappedText(c.req.raw, 64 * 1024);
  if (text === null) return controlError(413, "PAYLOAD_TOO_LARGE", "Request body is too large.");
  let json: unknown = {};
  if (text.trim() !== "") {
    try {
      json = JSON.parse(text);
    } catch {
      return controlError(400, "INVALID_JSON", "Request body is not valid JSON.");
    }
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : validationError(parsed.error.issues);
}
