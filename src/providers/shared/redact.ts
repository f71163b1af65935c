const SK_KEY = /(?<![A-Za-z0-9])sk-[A-Za-z0-9_*-]{3,}/g;
const BEARER = /\bBearer\s+[A-Za-z0-9_\-.~+/=*]+/gi;
const NAMED_SECRET = /\b(api[_-]?key|x-api-key|authorization)(["']?\s*[:=]\s*["']?)[^\s"',;}]+/gi;

/** Replaces anything that looks like a provider key or auth header value with `[redacted]`. */
export function redactSecrets(text: string): string {
  return text
    .replace(SK_KEY, "sk-[redacted]")
    .replace(BEARER, "Bearer [redacted]")
    .replace(NAMED_SECRET, "$1$2[redacted]");
}

/** Printable ASCII only, whitespace collapsed, secrets redacted, at most `max` characters. */
export function safeExcerpt(text: string, max = 200): string {
  const printable = text.replace(/[^\x20-\x7E]+/g, " ").replace(/\s+/g, " ").trim();
  return redactSecrets(printable).slice(0, max);
}
