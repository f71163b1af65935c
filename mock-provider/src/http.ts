/** Response helpers, provider error shapes and API-key extraction. */

export type Shape = "openai" | "anthropic";

let requestCounter = 0;

/** A fresh, deterministic-looking id suffix for one response. */
export function nextId(): string {
  requestCounter += 1;
  return `mock${String(requestCounter).padStart(8, "0")}`;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** OpenAI error shape: `{"error":{"message","type","param","code"}}`. */
export function openaiError(
  status: number,
  message: string,
  type: string,
  code: string | null = null,
  param: string | null = null,
  headers: Record<string, string> = {},
): Response {
  return json({ error: { message, type, param, code } }, status, headers);
}

/** Anthropic error shape: `{"type":"error","error":{"type","message"}}`. */
export function anthropicError(status: number, type: string, message: string, headers: Record<string, string> = {}): Response {
  return json({ type: "error", error: { type, message } }, status, headers);
}

/** A 400 invalid-request error in the caller's shape. */
export function invalidRequest(shape: Shape, message: string, param: string | null = null): Response {
  return shape === "openai"
    ? openaiError(400, message, "invalid_request_error", null, param)
    : anthropicError(400, "invalid_request_error", message);
}

/** A 404 unknown-model error in the caller's shape. */
export function modelNotFound(shape: Shape, model: string): Response {
  return shape === "openai"
    ? openaiError(404, `The model \`${model}\` does not exist or you do not have access to it.`, "invalid_request_error", "model_not_found", "model")
    : anthropicError(404, "not_found_error", `model: ${model}`);
}

/** OpenAI's 401 for a request without a key. */
export function missingOpenaiKey(): Response {
  return openaiError(
    401,
    "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
    "invalid_request_error",
  );
}

/** The key of `Authorization: Bearer <key>`, or `null`. */
export function bearerKey(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header === null ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** The `x-api-key` header, or `null` when missing or empty. */
export function anthropicKey(request: Request): string | null {
  const key = request.headers.get("x-api-key")?.trim() ?? "";
  return key === "" ? null : key;
}

/** Either credential: used by the `/__mock/*` routes that serve both shapes. */
export function anyKey(request: Request): string | null {
  return bearerKey(request) ?? anthropicKey(request);
}
