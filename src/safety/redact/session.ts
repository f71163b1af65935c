/**
 * Per-request placeholder allocator: the same (label, value) always gets the same `[LABEL_n]`, across all messages and
 * streamed chunks of one request, so the model can still tell "the same email twice" from "two emails". Create one per
 * request and drop it afterwards; it never outlives the request, and it stores value hashes, not the values.
 */
export class RedactionSession {
  readonly #placeholders = new Map<string, string>();
  readonly #counters = new Map<string, number>();

  /** The placeholder for `value` under `label`, allocating the next number for that label on first sight. */
  placeholder(label: string, value: string): string {
    const safeLabel = label.toUpperCase().replace(/[^A-Z0-9]+/g, "_") || "PII";
    const key = `${safeLabel}:${valueHash(canonical(value))}`;
    const existing = this.#placeholders.get(key);
    if (existing !== undefined) return existing;
    const n = (this.#counters.get(safeLabel) ?? 0) + 1;
    this.#counters.set(safeLabel, n);
    const placeholder = `[${safeLabel}_${n}]`;
    this.#placeholders.set(key, placeholder);
    return placeholder;
  }

  /** How many distinct values were redacted (for logs / verdict reports). */
  get size(): number {
    return this.#placeholders.size;
  }
}

/**
 * "4111 1111 1111 1111" and "4111-1111-1111-1111", or "Bob@X.com" and "bob@x.com", are the same value: case and
 * separators are folded before hashing.
 */
function canonical(value: string): string {
  const lower = value.toLowerCase();
  return /\d/.test(lower) && /^[\d\s().+\-]+$/.test(lower) ? lower.replace(/[^\d+]/g, "") : lower.replace(/\s+/g, " ");
}

/**
 * cyrb53: a fast synchronous 53-bit string hash (crypto.subtle is async, and this runs on the hot path per finding).
 * Collisions within one request's handful of values are negligible, and the only effect would be a shared placeholder.
 */
function valueHash(value: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
