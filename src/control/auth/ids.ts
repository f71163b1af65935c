import { bytesToBase62 } from "../../tokens/base62";

/** Type-prefixed random ids for accounts (`usr_…`, `ses_…`, `atok_…`): 16 random bytes, base62. */
export function newAuthId(prefix: "usr" | "ses" | "atok"): string {
  return `${prefix}_${bytesToBase62(crypto.getRandomValues(new Uint8Array(16)))}`;
}

/** ISO-8601 UTC time `ms` milliseconds after `from`. */
export function isoAfter(from: Date, ms: number): string {
  return new Date(from.getTime() + ms).toISOString();
}
