import { bytesToBase62 } from "../../tokens/base62";

/** Refresh tokens: `irt_` + base62(32 random bytes). Opaque; stored only as a SHA-256 hash (`hashToken`). */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export function generateRefreshToken(): string {
  return `irt_${bytesToBase62(crypto.getRandomValues(new Uint8Array(32)))}`;
}

/** Rejects garbage before any lookup. */
export function isRefreshTokenShape(token: string): boolean {
  return /^irt_[0-9A-Za-z]{30,44}$/.test(token);
}
