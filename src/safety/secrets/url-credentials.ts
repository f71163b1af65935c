import type { Detector } from "../types";
import { isPlaceholder } from "./guards";
import { gatedDetector, type Candidate } from "./rule";

// `scheme://user:password@host`. The user part cannot contain ':' or '@', so the split point is unique (no backtracking).
const URL_CREDS = /(?<![A-Za-z0-9+.-])[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/'"`<>]{0,64}:([^\s@/'"`<>]{1,128})@[^\s/'"`<>:@]+/iy;
// `curl -u user:password` / `--user "user:password"` / `-u 'user':'password'` / `-u "api-key:"` (key as user name).
const CURL_USER = /(?:^|\s)(?:-u|--user)(?:=|\s+)(?:"([^"]*)"|'([^']*)'|([^\s"'`<>:]+))(?::(?:"([^"]*)"|'([^']*)'|([^\s"'`<>]*)))?/y;
// `Authorization: Bearer …` / `Token …` / `Basic …` / `Api-Token …`, or a bare credential after the header name.
const AUTH_HEADER = /authorization["']?\s{0,3}[:=]\s{0,3}["']?(?:(?:bearer|token|basic|api-token)\s+)?([A-Za-z0-9._~+/=@-]{8,})/iy;

/** Templated or obviously illustrative passwords: `${PASS}`, `$PASSWORD`, `[PASSWORD]`, `password`, `****`. */
function isFakePassword(p: string): boolean {
  return p.startsWith("$") || p.startsWith("%") || isPlaceholder(p) || /^(?:pass(?:word)?|pwd|secret|test|admin|user|root|changeme|\*+)$/i.test(p);
}

/**
 * The secret of a `curl -u` argument: the password, or — for `user:` with an empty password, as API keys are passed —
 * a random-looking user name. Offsets are into the text.
 */
function curlCredential(m: RegExpExecArray): { secret: string; start: number } | undefined {
  const whole = m[0];
  const [, dq, sq, bare, pdq, psq, pbare] = m;
  let user = dq ?? sq ?? bare ?? "";
  let password = pdq ?? psq ?? pbare;
  if (password === undefined) {
    // One quoted `"user:password"` argument.
    const colon = user.indexOf(":");
    if (colon === -1) return undefined;
    password = user.slice(colon + 1);
    user = user.slice(0, colon);
  }
  const secret = password !== "" ? password : /\d/.test(user) && /[A-Za-z]/.test(user) && user.length >= 8 ? user : "";
  if (secret === "") return undefined;
  return { secret, start: m.index + whole.lastIndexOf(secret) };
}

const isSchemeChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 43 || c === 46 || c === 45;

/** Where a `scheme://` ending at `p` starts: the whole run of scheme characters before it (the regex's lookbehind). */
function schemeStart(text: string, p: number): number {
  let s = p;
  while (s > 0 && p - s <= 21 && isSchemeChar(text.charCodeAt(s - 1))) s--;
  return s;
}

/**
 * Credentials embedded in URLs and connection strings (`postgres://u:p@h`, `mongodb+srv://…`, `redis://:p@h`,
 * `https://u:p@h`), `curl -u user:pass`, and Authorization headers. The finding covers the password or token only,
 * which is what a redaction should remove. Each shape is tried only where its keyword occurs.
 */
export const urlCredentialsDetector: Detector = gatedDetector("url_credentials", ["://", "-u ", "--user", "authorization"], (text, starts = []) => {
  const out: Candidate[] = [];
  const add = (m: RegExpExecArray, confidence: number, minLength: number, label: string): void => {
    const secret = m[1] ?? "";
    if (secret.length < minLength || isFakePassword(secret)) return;
    const start = m.index + m[0].lastIndexOf(secret);
    out.push({ start, end: start + secret.length, confidence, label });
  };
  const tryAt = (re: RegExp, positions: readonly number[], onMatch: (m: RegExpExecArray) => void): void => {
    let lastEnd = 0;
    for (const p of positions) {
      if (p < lastEnd || p < 0) continue;
      re.lastIndex = p;
      const m = re.exec(text);
      if (m === null) continue;
      onMatch(m);
      lastEnd = m.index + m[0].length;
    }
  };
  const url: number[] = [];
  const curl: number[] = [];
  const auth: number[] = [];
  for (const p of starts) {
    const c = text.charCodeAt(p);
    if (c === 58) url.push(schemeStart(text, p)); // "://"
    else if (c === 45) curl.push(p - 1, p); // "-u " / "--user": the match starts at the white space before (or at 0)
    else auth.push(p);
  }
  tryAt(URL_CREDS, url, (m) => {
    add(m, 0.9, 3, "URL_CREDENTIALS");
  });
  tryAt(CURL_USER, curl, (m) => {
    const cred = curlCredential(m);
    if (cred !== undefined && cred.secret.length >= 6 && !isFakePassword(cred.secret)) {
      out.push({ start: cred.start, end: cred.start + cred.secret.length, confidence: 0.8, label: "URL_CREDENTIALS" });
    }
  });
  // A header token is key material: digits or mixed case (`Bearer sk-bench-direct` is a made-up name).
  tryAt(AUTH_HEADER, auth, (m) => {
    if (/\d|[a-z].*[A-Z]|[A-Z].*[a-z]/.test(m[1] ?? "")) add(m, 0.85, 8, "AUTH_HEADER");
  });
  return out;
}, true);
