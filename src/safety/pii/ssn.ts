import type { Detector, Finding, NormalizedText } from "../types";
import { contextBefore, piiFinding } from "./finding";

// AAA-GG-SSSS with the same separator twice ("-", " " or none). Digits either side would make it part of a longer number.
const CANDIDATE = /(?<![\d-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\d]|-\d)/g;
const SSN_WORDS = ["ssn", "social security", "social-security", "ss#", "ss #", "taxpayer"];

/**
 * US Social Security numbers. Only numbers the SSA can issue count (area not 000/666/900–999, group not 00, serial
 * not 0000). The dashed form is distinctive on its own; space-separated or bare 9-digit numbers are too common
 * (phone fragments, ids) and need an SSN keyword shortly before.
 */
export const ssnDetector: Detector = {
  name: "us_ssn",
  category: "pii",
  scan(input: NormalizedText): Finding[] {
    const text = input.text;
    if (!/\d{4}/.test(text)) return [];
    const findings: Finding[] = [];
    for (const match of text.matchAll(CANDIDATE)) {
      const [raw, area = "", separator = "", group = "", serial = ""] = match;
      if (!validRanges(area, group, serial)) continue;
      const context = contextBefore(text, match.index, SSN_WORDS, 50);
      if (separator !== "-" && !context) continue;
      findings.push(piiFinding(input, "us_ssn", "SSN", match.index, match.index + raw.length, context ? 0.99 : 0.85));
    }
    return findings;
  },
};

function validRanges(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== "00" && serial !== "0000";
}
