import type { Detector, Finding, NormalizedText } from "../types";
import { ibanMod97Valid } from "./checksums";
import { piiFinding } from "./finding";

// ISO 13616 registry lengths by country. A code not listed here (or a wrong length) is not an IBAN.
const LENGTHS: Readonly<Record<string, number>> = Object.fromEntries(
  ("AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 EE20 EG29 " +
    "ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 " +
    "LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 QA29 " +
    "RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30")
    .split(" ")
    .map((entry) => [entry.slice(0, 2), Number(entry.slice(2))]),
);

// Country code + check digits, then the BBAN in optional groups separated by single spaces. Case-insensitive because
// people type IBANs in lower case; the length table and mod-97 carry the precision.
const CANDIDATE = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}/g;

/** IBANs: country code, registry length and the mod-97 check digits. */
export const ibanDetector: Detector = {
  name: "iban",
  category: "pii",
  scan(input: NormalizedText): Finding[] {
    const text = input.text;
    const findings: Finding[] = [];
    for (const match of text.matchAll(CANDIDATE)) {
      const country = match[0].slice(0, 2).toUpperCase();
      const length = LENGTHS[country];
      if (length === undefined) continue;
      // The greedy match may run into the following word ("… 7654 32 and"): take exactly `length` characters.
      const end = spanOfCompactLength(text, match.index, length);
      if (end === -1 || /[A-Za-z0-9]/.test(text.charAt(end))) continue;
      const compact = text.slice(match.index, end).replace(/ /g, "").toUpperCase();
      if (!ibanMod97Valid(compact)) continue;
      findings.push(piiFinding(input, "iban", "IBAN", match.index, end, 0.99));
    }
    return findings;
  },
};

/** End index after `count` non-space characters starting at `start`, or -1 when the text runs out first. */
function spanOfCompactLength(text: string, start: number, count: number): number {
  let seen = 0;
  for (let i = start; i < text.length; i++) {
    if (text.charAt(i) === " ") continue;
    seen++;
    if (seen === count) return i + 1;
  }
  return -1;
}
