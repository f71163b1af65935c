import { controlRefusal, type ControlRefusal } from "./control-errors";
import { addIssueFields } from "./issue-fields";
import { readJson } from "./read-json";
import type { ControlContext, ControlRoute } from "./route";

export interface ValidInput {
  readonly params: unknown;
  readonly query: unknown;
  readonly body: unknown;
}

/**
 * Validates a request's path parameters, query and body against the route's schemas, all of them, and reports
 * every problem in one `VALIDATION_ERROR` (`fields`). An oversize or non-JSON body is refused before parsing.
 */
export async function validateInput(c: ControlContext, route: ControlRoute): Promise<ValidInput | ControlRefusal> {
  const fields: Record<string, string> = {};
  const check = (where: "path" | "query" | "body", schema: ControlRoute["params"], value: unknown): unknown => {
    if (schema === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    addIssueFields(fields, where, parsed.error.issues);
    return undefined;
  };
  const params = check("path", route.params, c.req.param());
  const query = check("query", route.query, queryObject(new URL(c.req.url).searchParams));
  let body: unknown;
  if (route.body !== undefined) {
    const read = await readJson(c.req.raw, route.maxBodyBytes);
    if (!read.ok && read.code !== "INVALID_JSON") return controlRefusal(read.code, read.message);
    if (read.ok) body = check("body", route.body, read.value);
    else fields.body = read.message;
  }
  if (Object.keys(fields).length > 0) return controlRefusal("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields });
  return { params, query, body };
}

/** `?a=1&b=2&b=3` → `{ a: "1", b: ["2", "3"] }`: a repeated parameter becomes a list, which a schema may accept. */
function queryObject(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    out[key] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return out;
}
