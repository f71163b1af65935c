import type { Context } from "hono";
import type { z } from "zod";
import { controlError, validationError } from "../errors/control-error";

/** Parses and validates a small JSON body for the budget API; a Response is the error to send. */
export async function readBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T> | Response> {
  const text = await c.req.text();
  if (text.length > 64 * 1024) return controlError(413, "PAYLOAD_TOO_LARGE", "Request body is too large.");
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
