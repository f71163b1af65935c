import type { Detector, Finding, NormalizedText } from "../types";
import { luhnValid } from "./checksums";
import { contextBefore, piiFinding } from "./finding";

// 12–19 digits, optionally grouped by single spaces or dashes. Bounded repetition, so no catastrophic backtracking.
const CANDIDATE = /(?<![\w-])\d(?:[ -]?\d){11,18}(?!\w)/g; // not inside an IBAN / licence id
const CARD_WORDS = ["card", "cc ", "cc:", "cc#", "visa", "mastercard", "amex", "credit", "debit", "maestro", "jcb"];

/** Issuer (IIN) prefixes and the lengths each network issues; a Luhn-valid number outside these is rejected. */
const NETWORKS: readonly { readonly prefix: RegExp; readonly lengths: readonly number[] }[] = [
  { prefix: /^4/, lengths: [13, 16, 19] }, // Visa
  { prefix: /^(?:5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720))/, lengths: [16] }, // Mastercard (incl. 2-series)
  { prefix: /^3[47]/, lengths: [15] }, // American Express
  { prefix: /^3(?:0[0-5]|[689])/, lengths: [14, 15, 16, 17, 18, 19] }, // Diners Club
  { prefix: /^(?:6011|64[4-9]|65|622)/, lengths: [16, 17, 18, 19] }, // Discover / UnionPay co-brand
  { prefix: /^35/, lengths: [16, 17, 18, 19] }, // JCB (3528–3589 assigned; nobody else issues 35xx)
  { prefix: /^(?:2131|1800)/, lengths: [15] }, // legacy JCB
  { prefix: /^62/, lengths: [16, 17, 18, 19] }, // UnionPay
  { prefix: /^(?:5[06-8]|6\d|0604)/, lengths: [12, 13, 14, 15, 16, 17, 18, 19] }, // Maestro
];

/**
 * Payment card numbers: IIN prefix + network length + Luhn. A random digit string passes Luhn 1 time in 10, so the
 * shortest (12-digit Maestro) numbers additionally need a card word nearby.
 */
export const paymentCardDetector: Detector = {
  name: "payment_card",
  category: "pii",
  scan(input: NormalizedText): Finding[] {
    const text = input.text;
    if (!/\d{4}/.test(text) && !/\d[ -]\d/.test(text)) return []; // cheap gate for the common digit-free case
    const findings: Finding[] = [];
    for (const match of text.matchAll(CANDIDATE)) {
      const raw = match[0];
      if (!evenlyGrouped(raw)) continue;
      const digits = raw.replace(/[ -]/g, "");
      if (!luhnValid(digits) || !knownNetwork(digits)) continue;
      if (/^(\d)\1+$/.test(digits)) continue; // 0000 0000 0000 0000 passes Luhn; it is a placeholder
      const context = contextBefore(text, match.index, CARD_WORDS);
      if (digits.length < 13 && !context) continue;
      findings.push(piiFinding(input, "payment_card", "CARD", match.index, match.index + raw.length, context ? 0.99 : 0.95));
    }
    return findings;
  },
};

function knownNetwork(digits: string): boolean {
  return NETWORKS.some((n) => n.prefix.test(digits) && n.lengths.includes(digits.length));
}

/** Grouped numbers use one separator kind and groups of 4 (Amex/Diners 4-6-5 / 4-6-4 too); "12 3456 78" is not a card. */
function evenlyGrouped(raw: string): boolean {
  const separators = raw.match(/[ -]/g);
  if (!separators) return true;
  if (new Set(separators).size > 1) return false;
  const groups = raw.split(/[ -]/).map((g) => g.length);
  const last = groups.length - 1;
  if (groups.every((len, i) => (i === last ? len >= 1 && len <= 4 : len === 4))) return true;
  return groups.length === 3 && groups[0] === 4 && groups[1] === 6 && (groups[2] === 4 || groups[2] === 5);
}
