import type { Detector, Finding, NormalizedText } from "../types";
import { piiFinding } from "./finding";

// A cue that says "a person's name follows", then one to four capitalised words (an initial like "J." allowed).
// Names alone are undetectable without NER; the cue is what makes this reliable enough to redact.
const NAME = String.raw`\p{Lu}[\p{Ll}'’\-]+(?:[ ](?:\p{Lu}\.|\p{Lu}[\p{Ll}'’\-]+)){0,3}`;
const CUE = String.raw`(?:\b(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Yy]our|[Ff]ull|[Mm]aiden|[Ll]ast|[Ff]irst|[Pp]artner's|[Aa]ccount) name(?: is|'s|:)|\bName:|\b[Nn]amed|\b(?:was|is|am|be) called|\b(?:Mrs|Mr|Ms|Miss|Dr|Prof)\b\.?|\bDear|\b(?:Regards|Sincerely|Thanks|Cheers|Best),?\n)`;
// The cue regex is ASCII-only (cheap to scan the whole text with); the Unicode name regex runs only where a cue ended.
const CUE_PATTERN = new RegExp(CUE, "g");
const NAME_AT = new RegExp(`[ \\t]*(${NAME})`, "uy");
// Capitalised words that follow those cues without being names ("Dear Sir", "Name: The …").
const NOT_NAMES = new Set(
  "Sir Madam Customer Team All User Users Friend Friends Manager Hiring The A An This That It Is Not Unknown Here Support"
    .split(" "),
);

/** Person names, only after a naming cue. Lower confidence than checksummed PII. */
export const personNameDetector: Detector = {
  name: "person_name",
  category: "pii",
  keywords: ["name", "named", "called", "mr", "mrs", "ms", "miss", "dr", "prof", "dear", "regards", "sincerely", "thanks", "cheers", "best"],
  scan(input: NormalizedText): Finding[] {
    const findings: Finding[] = [];
    for (const cue of input.text.matchAll(CUE_PATTERN)) {
      NAME_AT.lastIndex = cue.index + cue[0].length;
      const match = NAME_AT.exec(input.text);
      const name = match?.[1];
      if (match === null || name === undefined) continue;
      const first = name.split(" ")[0] ?? "";
      if (NOT_NAMES.has(first)) continue;
      const start = match.index + match[0].length - name.length;
      const confidence = /name/i.test(cue[0]) ? 0.7 : 0.6;
      findings.push(piiFinding(input, "person_name", "NAME", start, start + name.length, confidence));
    }
    return findings;
  },
};
