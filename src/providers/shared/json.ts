/** Narrowing helpers for untrusted JSON (agent bodies, upstream responses). */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function asArray(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? (value as readonly unknown[]) : undefined;
}

/** A token count: a finite non-negative number floored to an integer, else 0. */
export function tokenCount(value: unknown): number {
  const n = asNumber(value);
  return n === undefined || n < 0 ? 0 : Math.floor(n);
}

/** `JSON.parse` that returns `undefined` instead of throwing. */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A copy of `obj` without `key` (the key is absent, not set to `undefined`). */
export function omitKey(obj: JsonObject, key: string): JsonObject {
  const copy: JsonObject = { ...obj };
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- removing one known field of a copied record
  delete copy[key];
  return copy;
}
