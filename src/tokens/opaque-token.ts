import { bigintToBase62, bytesToBase62, isBase62 } from "./base62";
import { crc32 } from "./crc32";

/**
 * Opaque bearer tokens: `<prefix>` + base62(32 random bytes) + 6-char base62 CRC-32 of everything before it.
 * The checksum lets a typo be rejected offline, before any lookup. Only a SHA-256 hash is ever stored.
 */
export type TokenPrefix = "ic_" | "icl_" | "apitok_";

const RANDOM_BYTES = 32;
const CHECKSUM_CHARS = 6;
const MIN_BODY_CHARS = 40;

export function generateToken(prefix: TokenPrefix): string {
  const body = prefix + bytesToBase62(crypto.getRandomValues(new Uint8Array(RANDOM_BYTES)));
  return body + checksum(body);
}

/** True when `token` has the prefix, the alphabet, the length and a matching checksum. */
export function hasValidChecksum(token: string, prefix: TokenPrefix): boolean {
  if (!token.startsWith(prefix) || token.length > 128) return false;
  const random = token.slice(prefix.length, -CHECKSUM_CHARS);
  if (random.length < MIN_BODY_CHARS || !isBase62(token.slice(prefix.length))) return false;
  return checksum(token.slice(0, -CHECKSUM_CHARS)) === token.slice(-CHECKSUM_CHARS);
}

function checksum(body: string): string {
  return bigintToBase62(BigInt(crc32(body)), CHECKSUM_CHARS);
}

/** Hex SHA-256 of a token: the only form in which tokens are stored or cached. */
export async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A short, non-secret label for lists: the prefix and the first 4 random characters. */
export function tokenLabel(token: string, prefix: TokenPrefix): string {
  return `${token.slice(0, prefix.length + 4)}…`;
}
