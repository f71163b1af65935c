import { scrypt } from "node:crypto";
import { fromBase64Url, toBase64Url } from "../../crypto/base64url";

/**
 * Password hashing with scrypt (`node:crypto` under `nodejs_compat`; production Workers cap PBKDF2 at 100,000
 * iterations, so PBKDF2 is not used). Parameters: the OWASP Password Storage Cheat Sheet's scrypt line
 * "N=2^14 (16 MiB), r=8 (1024 bytes), p=5" — the lowest-memory of its equivalent settings, which fits a Worker's
 * 128 MB isolate with room to spare (p runs sequentially, so memory stays 128·N·r = 16 MiB; ~130 ms of CPU).
 * Encoded as `scrypt$N$r$p$salt$hash` (base64url), so old hashes still verify after the parameters change and
 * `needsRehash` tells login to upgrade them.
 */
export const SCRYPT_PARAMS = { N: 2 ** 14, r: 8, p: 5 } as const;

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const MAX_MEMORY = 32 * 1024 * 1024;

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Uint8Array;
  hash: Uint8Array;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const { N, r, p } = SCRYPT_PARAMS;
  const hash = await derive(password, salt, N, r, p, KEY_BYTES);
  return ["scrypt", N, r, p, toBase64Url(salt), toBase64Url(hash)].join("$");
}

/** Constant-time check of `password` against an encoded hash. A malformed stored hash is a bug: it throws. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (parsed === null) throw new Error("malformed password hash");
  const candidate = await derive(password, parsed.salt, parsed.N, parsed.r, parsed.p, parsed.hash.byteLength);
  return crypto.subtle.timingSafeEqual(candidate, parsed.hash);
}

/** True when the hash was made with other parameters than today's (or cannot be read). */
export function needsRehash(encoded: string): boolean {
  const parsed = parseHash(encoded);
  return parsed === null || parsed.N !== SCRYPT_PARAMS.N || parsed.r !== SCRYPT_PARAMS.r || parsed.p !== SCRYPT_PARAMS.p || parsed.salt.byteLength !== SALT_BYTES || parsed.hash.byteLength !== KEY_BYTES;
}

function parseHash(encoded: string): ParsedHash | null {
  const parts = encoded.split("$");
  const [scheme, n, r, p, salt, hash] = parts;
  if (parts.length !== 6 || scheme !== "scrypt" || salt === undefined || hash === undefined) return null;
  const N = toInt(n);
  const R = toInt(r);
  const P = toInt(p);
  if (N === null || R === null || P === null) return null;
  if (N < 2 ** 10 || N > 2 ** 20 || (N & (N - 1)) !== 0 || R < 1 || R > 32 || P < 1 || P > 16 || 128 * N * R > MAX_MEMORY) return null;
  if (!/^[A-Za-z0-9_-]{16,}$/.test(salt) || !/^[A-Za-z0-9_-]{22,}$/.test(hash)) return null;
  return { N, r: R, p: P, salt: fromBase64Url(salt), hash: fromBase64Url(hash) };
}

function toInt(text: string | undefined): number | null {
  if (text === undefined || !/^[1-9][0-9]{0,8}$/.test(text)) return null;
  return Number(text);
}

function derive(password: string, salt: Uint8Array, N: number, r: number, p: number, length: number): Promise<Uint8Array> {
  // NFKC: the same password typed on different keyboards/platforms hashes the same (OWASP, NIST SP 800-63B).
  const secret = password.normalize("NFKC");
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, length, { N, r, p, maxmem: 2 * MAX_MEMORY }, (error, key) => {
      if (error !== null) reject(error);
      else resolve(new Uint8Array(key));
    });
  });
}
