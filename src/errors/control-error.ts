/** Control API error body (PRODUCT.md §5): `{"error":{"code":"UPPER_SNAKE","message":"…","fields":{…}}}`. */
export function controlError(status: number, code: string, message: string, fields?: Record<string, string>, headers: Record<string, string> = {}): Response {
  const error: { code: string; message: string; fields?: Record<string, string> } = { code, message };
  if (fields !== undefined) error.fields = fields;
  return new Response(JSON.stringify({ error }), { status, headers: { "content-type": "application/json", ...headers } });
}

/** All validation issues of a body, by field. */
export function validationError(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Response {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "body";
    fields[key] ??= issue.message;
  }
  return controlError(400, "VALIDATION_ERROR", "The request body is invalid.", fields);
}
