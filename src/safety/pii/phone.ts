import type { Detector, Finding, NormalizedText } from "../types";
import { contextAfter, contextBefore, piiFinding } from "./finding";

// A run of digits with the separators people put in phone numbers (space, dot, dash, parentheses), optionally led by
// "+" and followed by an extension. The character before must not be a word/number character (checked in code). One space at most between groups; the class repetition is bounded.
const CANDIDATE =
  /(?:\+|\(\+?)?\d(?:[ .\-]?\(?\d|\) ?\d|[ .\-]\(0\)[ .\-]?\d){5,22}(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?![\w/]|[.\-:]\d)/g;
const NANP = /^(?:\+?1[ .-]?)?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[ .-])[2-9]\d{2}[ .-]\d{4}(?:\s?(?:x|ext\.?)\s?\d{1,5})?$/;
const DATE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
// AAA-GG-SSSS belongs to the SSN detector; NANP numbers never split 3-2-4.
const SSN_SHAPE = /^\d{3}-\d{2}-\d{4}$/;
const BEFORE_WORDS = ["phone", "tel:", "tel.", "tel ", "mobile", "cell:", "cell ", "fax", "call", "text me", "sms", "whatsapp", "contact",
  "reach me", "answering", "messages to", "desk", "registered", "dial", "ring me"];
const AFTER_WORDS = ["office", "fax", "mobile", "cell", "home", "work"];

/**
 * Phone numbers. Three shapes, strongest first: "+" international (E.164, 8–15 digits), NANP with separators
 * ("(555) 123-4567"), and other national formats, which are only accepted next to a phone word because bare digit
 * groups are usually quantities, ids or dates.
 */
export const phoneDetector: Detector = {
  name: "phone",
  category: "pii",
  scan(input: NormalizedText): Finding[] {
    const text = input.text;
    if (!/\d[\d ().-]{5}/.test(text)) return [];
    const findings: Finding[] = [];
    for (const match of text.matchAll(CANDIDATE)) {
      const raw = match[0];
      // Checked here rather than as a regex lookbehind, which would be evaluated at every position of the text.
      if (/[\w+.\-/:]/.test(text.charAt(match.index - 1))) continue;
      const digits = raw.replace(/\D/g, "").length - extensionDigits(raw);
      if (digits < 7 || digits > 15 || DATE.test(raw) || looksLikeIpOrVersion(raw) || SSN_SHAPE.test(raw)) continue;
      const end = match.index + raw.length;
      const context = contextBefore(text, match.index, BEFORE_WORDS, 40) || contextAfter(text, end, AFTER_WORDS, 8);
      let confidence = 0;
      if (raw.startsWith("+") && digits >= 8) confidence = context ? 0.95 : 0.85;
      else if (NANP.test(raw)) confidence = context ? 0.95 : 0.8;
      else if (context && /[ .\-()]/.test(raw)) confidence = 0.75;
      else if (context && digits >= 9 && digits <= 12) confidence = 0.6; // unseparated: "Fax: 9498777106"
      if (confidence === 0) continue;
      findings.push(piiFinding(input, "phone", "PHONE", match.index, end, confidence));
    }
    return findings;
  },
};

function extensionDigits(raw: string): number {
  const ext = /(?:x|ext\.?)\s?(\d{1,5})$/.exec(raw);
  return ext?.[1]?.length ?? 0;
}

/** Dotted groups of 1–3 digits (1.2.3.4, 10.0.0.1) are IPs or versions, handled elsewhere or not PII. */
function looksLikeIpOrVersion(raw: string): boolean {
  return /^\d{1,3}(?:\.\d{1,3}){2,3}$/.test(raw);
}
