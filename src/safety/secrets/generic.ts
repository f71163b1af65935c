import type { Detector } from "../types";
import { parseAssignment } from "./assignment";
import { entropy, isHashShaped, isPlaceholder } from "./guards";
import { gatedDetector, type Candidate } from "./rule";

const KEYWORD = /pass(?:word|wd|phrase)?|pwd|secret|token|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|auth|credential|creds?|key/gi;
const PASSWORD = /^(?:pass|pwd)/i;
// Identifiers that merely mention a credential: `tokenName`, `passwordHash`, `secret_length`, `key_vault_name`.
const NOT_A_SECRET = /(?:name|id|ids|type|file|path|url|uri|len|length|size|count|field|prefix|suffix|format|header|param|env|var|hash|sha|digest|checksum|rev|version|expiry|expires|timeout|ttl|endpoint|mode|policy|store|vault|manager|provider|enabled|regex|pattern|rule|policy|label|column|index|event|list|map|set)s?$/i;
// Keys that are not credentials (`public_key`, `foreignKey`, `schemaKey`) and deliberately wrong test values.
const NOT_A_SECRET_KEY = /(?:public|pub|foreign|primary|schema|bucket|partition|sort|cache|lookup|entry|hot|short)[_.-]?key/i;
const DELIBERATELY_FAKE = /(?:non|not|in)[_-]?(?:valid|matching)|wrong|fake|dummy|mock|sample|example/i;
const STRONG = /secret|token|auth|cred|pass|api[_.-]?key/i;
const DOTTED_NAME = /^[A-Za-z_][\w-]*(?:\.[\w-]+)+$/;
const REFERENCE = /^[A-Za-z_$][\w$]*(?:\.[\w$]+)+$|^[A-Za-z_]+$|[()]|^[$%@&]/;

const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;

/** A keyword inside a larger word (`monkeys`, `tokenizer`) does not count: it must sit at a word or camelCase edge. */
function atEdges(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1); // NaN at the start: not a letter
  const after = text.charCodeAt(end);
  const startOk = !(isLower(before) || isUpper(before)) || (isLower(before) && isUpper(text.charCodeAt(start)));
  const endOk = !isLower(after) || after === 115; // "s"
  return startOk && endOk;
}

/** Confidence for a keyword-anchored value, or undefined when it does not look like a credential. */
function judge(identifier: string, value: string, quoted: boolean, password: boolean): number | undefined {
  if (NOT_A_SECRET.test(identifier) || NOT_A_SECRET_KEY.test(identifier) || DELIBERATELY_FAKE.test(identifier)) return undefined;
  if (isPlaceholder(value)) return undefined;
  if (!quoted && REFERENCE.test(value)) return undefined;
  if (quoted && /^\$|\$\{|^%|\(\)/.test(value)) return undefined;
  const h = entropy(value);
  // Passwords: people pick low-entropy ones, but words joined by - or _ (`shorter-version`) read as prose.
  if (password) return value.length >= 6 && h >= 2.5 && !/^[a-z]+(?:[-_][a-z]+)+$/.test(value) ? 0.7 : undefined;
  // Entropy threshold scales with length: a 16-digit id cannot reach 3 bits/char (8 distinct digits ≈ 2.9).
  if (value.length < 10 || h < Math.max(2.5, Math.min(3, 0.7 * Math.log2(value.length)))) return undefined;
  if (DOTTED_NAME.test(value)) return undefined;
  if (isHashShaped(value)) return STRONG.test(identifier) ? 0.5 : undefined;
  if (!/\d/.test(value) && !(value.length >= 24 && h >= 4)) return undefined;
  return Math.min(0.85, 0.55 + (h - 3) / 6);
}

/**
 * Generic secrets: a high-entropy value assigned to an identifier containing a credential keyword (`password=`,
 * `secret:`, `api_key`, `token`). Passwords are judged leniently (people pick low-entropy ones); other values need
 * entropy ≥ 3 bits/char and digits or mixed case; hash-shaped values (git SHAs, sha256, UUIDs) only count under a strong
 * keyword and with low confidence.
 */
export const genericSecretDetector: Detector = gatedDetector("generic_secret", ["pass", "pwd", "secret", "token", "key", "auth", "credential"], (text) => {
  const out: Candidate[] = [];
  let coveredTo = 0;
  KEYWORD.lastIndex = 0;
  for (let m = KEYWORD.exec(text); m !== null; m = KEYWORD.exec(text)) {
    if (m.index < coveredTo || !atEdges(text, m.index, m.index + m[0].length)) continue;
    const a = parseAssignment(text, m.index, m.index + m[0].length);
    if (!a || a.value.length === 0) continue;
    const password = PASSWORD.test(m[0]);
    const confidence = judge(a.identifier, a.value, a.quoted, password);
    if (confidence === undefined) continue;
    const aws = /aws/i.test(a.identifier) && /^[A-Za-z0-9/+]{40}$/.test(a.value);
    const label = aws ? "AWS_SECRET" : password ? "PASSWORD" : "SECRET";
    out.push({ start: a.valueStart, end: a.valueStart + a.value.length, confidence: aws ? 0.9 : confidence, label });
    coveredTo = a.valueStart + a.value.length;
  }
  return out;
});
