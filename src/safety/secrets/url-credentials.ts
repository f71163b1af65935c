import type { Detector } from "../types";
import { isPlaceholder } from "./guards";
import { gatedDetector, type Candidate } from "./rule";

// `scheme://user:password@host`. The user part cannot contain ':' or '@', so the split point is unique (no backtracking).
const URL_CREDS = /(?<![A-Za-z0-9+.-])[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/'"`<>]{0,64}:([^\s@/'"`<>]{1,128})@[^\s/'"`<>:@]+/gi;
// `curl -u user:password` / `--user user:password`.
const CURL_USER = /(?:^|\s)(?:-u|--user)\s+["']?[^\s:"']{0,64}:([^\s"']{1,128})/g;
// `Authorization: Bearer …` / `Token …` / `Basic …`.
const AUTH_HEADER = /authorization["']?\s{0,3}[:=]\s{0,3}["']?(?:bearer|token|basic)\s+([A-Za-z0-9._~+/=-]{12,})/gi;

/** Templated or obviously illustrative passwords: `${PASS}`, `$PASSWORD`, `[PASSWORD]`, `password`, `****`. */
function isFakePassword(p: string): boolean {
  return p.startsWith("$") || p.startsWith("%") || isPlaceholder(p) || /^(?:pass(?:word)?|pwd|secret|test|admin|user|root|changeme|\*+)$/i.test(p);
}

/**
 * Credentials embedded in URLs and connection strings (`postgres://u:p@h`, `mongodb+srv://…`, `redis://:p@h`,
 * `https://u:p@h`), `curl -u user:pass`, and Authorization headers. The finding covers the password or token only,
 * which is what a redaction should remove.
 */
export const urlCredentialsDetector: Detector = gatedDetector("url_credentials", ["://", "-u ", "--user", "authorization"], (text) => {
  const out: Candidate[] = [];
  const add = (m: RegExpMatchArray, confidence: number, minLength: number, label: string): void => {
    const secret = m[1] ?? "";
    if (secret.length < minLength || isFakePassword(secret)) return;
    const start = (m.index ?? 0) + m[0].lastIndexOf(secret);
    out.push({ start, end: start + secret.length, confidence, label });
  };
  for (const m of text.matchAll(URL_CREDS)) add(m, 0.9, 3, "URL_CREDENTIALS");
  for (const m of text.matchAll(CURL_USER)) add(m, 0.8, 6, "URL_CREDENTIALS");
  for (const m of text.matchAll(AUTH_HEADER)) add(m, 0.85, 12, "AUTH_HEADER");
  return out;
});
