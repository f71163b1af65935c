import { fingerprint } from "../../crypto/envelope";

/** Key words that mark a secret (`api_key`, `apiKey`, `x-api-key`, `client_secret`, `refresh_token`, `password`). */
const SECRET_WORDS = new Set(["key", "apikey", "secret", "token", "password", "passwd", "passphrase", "pwd", "authorization", "cookie", "credential", "credentials", "privatekey"]);
/** Run-together names (`accesstoken`, `clientsecret`) end with one of these. Not plain `key`: `monkey` is no secret. */
const SECRET_SUFFIXES = ["apikey", "secret", "token", "password", "passwd", "passphrase", "privatekey", "accesskey", "secretkey"];
/** A last word that makes the field a safe description of a secret: `key_fingerprint`, `token_id`, `key_last4`. */
const SAFE_LAST_WORDS = new Set(["id", "ids", "fingerprint", "last4", "label", "prefix", "version", "type", "kind", "count", "at", "status", "name", "hint", "expires"]);
/** Passwords are low-entropy: a fast unsalted hash of one is crackable, so they get no fingerprint at all. */
const PASSWORD_WORDS = new Set(["password", "passwd", "passphrase", "pwd"]);
/** Credentials recognised by their shape wherever they appear: Iron's tokens, provider keys, bearer headers, JWTs. */
const SECRET_VALUE = /\b(?:ic|icl|apitok)_[0-9A-Za-z_]{16,}|\bsk-[0-9A-Za-z_-]{8,}|\bbearer\s+\S{8,}|\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/i;
const MAX_DEPTH = 32;

export const REDACTED_PASSWORD = "[redacted]";

/**
 * A copy of `value` safe for the audit log: the value of every secret-named field, and every string shaped like a
 * credential, becomes `fp:` + the first 16 hex of its SHA-256 (the same fingerprint provider reads show, so "which
 * key was this" stays answerable); passwords become `[redacted]`. Booleans and nulls under secret names are kept
 * (`has_password: true` reveals nothing). Never returns a raw secret; deeper than 32 levels is cut off.
 */
export async function redactForAudit(value: unknown): Promise<unknown> {
  return redact(value, 0);
}

async function redact(value: unknown, depth: number): Promise<unknown> {
  if (depth > MAX_DEPTH) return "[too deep]";
  if (typeof value === "string") return SECRET_VALUE.test(value) ? fp(value) : value;
  if (Array.isArray(value)) return Promise.all(value.map((item: unknown) => redact(item, depth + 1)));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const kind = secretKind(key);
    if (kind === null || item === null || item === undefined || typeof item === "boolean") out[key] = await redact(item, depth + 1);
    else out[key] = kind === "password" ? REDACTED_PASSWORD : await fp(typeof item === "string" ? item : JSON.stringify(item));
  }
  return out;
}

async function fp(secret: string): Promise<string> {
  return `fp:${await fingerprint(secret)}`;
}

/** Whether a field name names a secret, and which kind. Exported for tests. */
export function secretKind(name: string): "password" | "secret" | null {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2").toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== "");
  const last = words[words.length - 1];
  if (last === undefined || SAFE_LAST_WORDS.has(last)) return null;
  const compact = words.join("");
  const secret = words.some((word) => SECRET_WORDS.has(word)) || SECRET_SUFFIXES.some((suffix) => compact.endsWith(suffix));
  if (!secret) return null;
  return words.some((word) => PASSWORD_WORDS.has(word)) || /pass(?:word|wd|phrase)$/.test(compact) ? "password" : "secret";
}
