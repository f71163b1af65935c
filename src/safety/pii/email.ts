import type { Detector, Finding, NormalizedText } from "../types";
import { piiFinding } from "./finding";

// Generic TLDs worth accepting; every two-letter (country-code) TLD is accepted too, except the file extensions below
// that show up as `name@2x.png` / `pkg@scope.js` in code far more often than as mail domains.
const GENERIC_TLDS = new Set(
  ("com org net edu gov mil int info biz name pro aero coop mobi asia tel travel jobs museum io ai app dev cloud " +
    "online site tech store shop blog email live news xyz top club page space website digital agency media world " +
    "today life company solutions services group network systems email mail inc llc ltd gmbh eu academy studio design")
    .split(" "),
);
const CODE_EXTENSIONS = new Set("js ts py rb md sh rs kt cs fs vb db gz xz mk".split(" "));
// Domains reserved for documentation (RFC 2606) are almost never a real person's address.
const PLACEHOLDER_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|test|invalid|localhost)$/;

const LOCAL_CHAR = /[A-Za-z0-9._%+\-']/;
// Anchored (sticky) domain matcher run from just after the "@": labels of letters/digits/hyphens, then an alphabetic TLD.
const DOMAIN = /(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])/y;

/**
 * Emails. Instead of one big regex (whose local-part `+` backtracks quadratically on long runs without an "@"), we
 * visit each "@" and grow the local part backwards, the domain forwards: linear in the text length.
 */
export const emailDetector: Detector = {
  name: "email",
  category: "pii",
  keywords: ["@"],
  scan(input: NormalizedText): Finding[] {
    const text = input.text;
    const findings: Finding[] = [];
    for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
      let start = at;
      while (start > 0 && at - start < 64 && LOCAL_CHAR.test(text.charAt(start - 1))) start--;
      while (start < at && /[.'\-]/.test(text.charAt(start))) start++; // a local part starts with a letter/digit
      if (start === at || text.charAt(at - 1) === ".") continue;
      DOMAIN.lastIndex = at + 1;
      const match = DOMAIN.exec(text);
      if (!match) continue;
      const domain = match[0].toLowerCase();
      const tld = domain.slice(domain.lastIndexOf(".") + 1);
      const tldOk = tld.length === 2 ? !CODE_EXTENSIONS.has(tld) : GENERIC_TLDS.has(tld);
      if (!tldOk || isUrlUserInfo(text, start)) continue; // after the cheap checks: it scans back up to 200 chars
      const confidence = PLACEHOLDER_DOMAIN.test(domain) ? 0.5 : 0.99;
      findings.push(piiFinding(input, "email", "EMAIL", start, at + 1 + match[0].length, confidence));
    }
    return findings;
  },
};

/** `https://user:pass@host` is a credential in a URL (the secrets detectors' job), not an email address. */
function isUrlUserInfo(text: string, localStart: number): boolean {
  let tokenStart = localStart;
  while (tokenStart > 0 && !/\s/.test(text.charAt(tokenStart - 1)) && localStart - tokenStart < 200) tokenStart--;
  return text.slice(tokenStart, localStart).includes("://");
}
