import type { Detector } from "../types";
import { parseAssignment } from "./assignment";
import { judge } from "./generic-judge";
import { gatedDetector, type Candidate } from "./rule";

// At a gate keyword's start: the whole keyword (`password`, `credentials` → `cred`…). `api_key`, `accesskey` and
// `private-key` are found at their `key` and widened back to the qualifier, as one keyword.
const KEYWORD = /pass(?:word|wd|phrase)?|pwd|secret|token|auth|credential|creds?|key/iy;
const QUALIFIER = /(?:api|access|private)[_.-]?$/i;
const PASSWORD = /^(?:pass|pwd)/i;
// NuGet's `<add key="Password" value="…"/>` holds a machine-bound DPAPI blob; the usable one is `ClearTextPassword`.
const NUGET_KEY = /<add\s+key=["']$/i;

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

/**
 * Generic secrets: a high-entropy value assigned to an identifier containing a credential keyword (`password=`,
 * `secret:`, `api_key`, `token`). Passwords are judged leniently (people pick low-entropy ones); other values need
 * entropy ≥ 3 bits/char and digits or mixed case; hash-shaped values (git SHAs, sha256, UUIDs) only count under a strong
 * keyword and with low confidence. The guards against code and documentation are in `generic-judge.ts`.
 */
export const genericSecretDetector: Detector = gatedDetector("generic_secret", ["pass", "pwd", "secret", "token", "key", "auth", "cred"], (text, starts = []) => {
  const out: Candidate[] = [];
  let coveredTo = 0;
  for (const at of starts) {
    KEYWORD.lastIndex = at;
    const m = KEYWORD.exec(text);
    if (m === null) continue;
    let start = at;
    if (m[0].length === 3 && m[0].toLowerCase() === "key") start -= QUALIFIER.exec(text.slice(Math.max(0, at - 8), at))?.[0].length ?? 0;
    const end = at + m[0].length;
    if (start < coveredTo || !atEdges(text, start, end)) continue;
    const a = parseAssignment(text, start, end);
    if (!a || a.value.length === 0) continue;
    if (/^password$/i.test(a.identifier) && NUGET_KEY.test(text.slice(Math.max(0, start - 12), start))) continue;
    const password = PASSWORD.test(m[0]);
    const confidence = judge(a, password);
    if (confidence === undefined) continue;
    const aws = /aws/i.test(a.identifier) && /^[A-Za-z0-9/+]{40}$/.test(a.value);
    const label = aws ? "AWS_SECRET" : password ? "PASSWORD" : "SECRET";
    out.push({ start: a.valueStart, end: a.valueStart + a.value.length, confidence: aws ? 0.9 : confidence, label });
    coveredTo = a.valueStart + a.value.length;
  }
  return out;
}, true);
