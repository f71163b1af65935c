/** Small type guards for request bodies (the mock validates by hand, like a provider would). */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isString(value: unknown): value is string {
  return typeof value === "string";
}

/** A string field of an object, or `null` when absent or not a string. */
export function stringField(obj: JsonObject, key: string): string | null {
  const value = obj[key];
  return typeof value === "string" ? value : null;
}

/** An array field of an object, or `null` when absent or not an array. */
export function arrayField(obj: JsonObject, key: string): unknown[] | null {
  const value = obj[key];
  return Array.isArray(value) ? (value as unknown[]) : null;
}

/** Non-negative integer field; `undefined` when absent/null, `NaN` when present but invalid. */
export function intField(obj: JsonObject, key: string): number | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : Number.NaN;
}

/** Parses a request body as JSON; `undefined` when it is not valid JSON. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
