import { keywordStarts, registerGate } from "../normalize/keyword-gate";
import type { Detector, Finding, NormalizedText } from "../types";
import { piiFinding } from "./finding";

const STREET_TYPES =
  "Street|St\\.?|Avenue|Ave\\.?|Road|Rd\\.?|Boulevard|Blvd\\.?|Lane|Ln\\.?|Drive|Dr\\.?|Court|Ct\\.?|Way|Place|Pl\\.?|" +
  "Terrace|Parkway|Pkwy\\.?|Highway|Hwy\\.?|Square|Circle|Crescent|Close|Row|Alley|Trail";
// "123 Main Street", "42 Rue des Lilas Ave, Apt 5": house number, up to four capitalised words, a street type.
const STREET = new RegExp(
  `(?<![\\w.])\\d{1,6}[ ](?:\\p{Lu}[\\p{L}.'\\-]*[ ]){1,4}(?:${STREET_TYPES})(?![\\p{L}])(?:,?[ ](?:Apt\\.?|Suite|Unit|#)[ ]?[\\w-]+)?`,
  "gu",
);
// Keyword-led: "Address: …", "lives at …", "located at …". The rest of the line up to a sentence end is the address,
// and it must contain a digit (a house number or postcode) — "lives in Paris" is not an address. Tried (sticky) only
// where the shared keyword pass found a cue word.
const CUE_GATE = registerGate(["address", "live", "located", "ship", "deliver", "meet me", "office is", "return", "sent"], true);
const CUED = new RegExp(
  String.raw`\b(?:[Aa]ddress(?: is|:)|[Ll]ives? at|[Ll]ived at|[Ll]ocated at|[Ss]hip(?:ped)? to|[Dd]eliver(?:ed)? to|[Mm]eet me at|[Oo]ffice is at|[Rr]eturn to|[Ss]ent to)[ \t:]*([\p{L}\d][^\n;?!]{4,100}?)(?=[.,]?[ \t]*(?:\n|$|[;?!]|\.[ \t]+\p{Lu}))`,
  "uy",
);

/** Street addresses: a house-number + street-type shape, or any line introduced by an address cue. */
export const streetAddressDetector: Detector = {
  name: "street_address",
  category: "pii",
  scan(input: NormalizedText): Finding[] {
    const text = input.text;
    if (!/\d/.test(text)) return [];
    const findings: Finding[] = [];
    for (const match of text.matchAll(STREET)) {
      findings.push(piiFinding(input, "street_address", "ADDRESS", match.index, match.index + match[0].length, 0.6));
    }
    let lastEnd = 0;
    for (const at of keywordStarts(input, CUE_GATE)) {
      if (at < lastEnd) continue;
      CUED.lastIndex = at;
      const match = CUED.exec(text);
      if (match === null) continue;
      lastEnd = at + match[0].length;
      const value = match[1];
      if (value === undefined || !/\d/.test(value)) continue;
      const start = match.index + match[0].length - value.length;
      findings.push(piiFinding(input, "street_address", "ADDRESS", start, start + value.length, 0.6));
    }
    return findings;
  },
};
