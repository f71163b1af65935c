import { anchorPositions, keywordStarts, registerGate } from "../normalize/keyword-gate";
import type { Detector, Finding, NormalizedText } from "../types";
import { piiFinding } from "./finding";

// A cue that says "a person's name follows", then one to four capitalised words (an initial like "J." allowed).
// Names alone are undetectable without NER; the cue is what makes this reliable enough to redact.
const NAME = String.raw`\p{Lu}[\p{Ll}'’\-]+(?:[ ](?:\p{Lu}\.|\p{Lu}[\p{Ll}'’\-]+)){0,3}`;
const CUE = String.raw`(?:\b(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Yy]our|[Ff]ull|[Mm]aiden|[Ll]ast|[Ff]irst|[Pp]artner's|[Aa]ccount) name(?: is|'s|:)|\bName:|\b[Nn]amed|\b(?:was|is|am|be) called|\b(?:Mrs|Mr|Ms|Miss|Dr|Prof)\b\.?|\bDear|\b(?:Regards|Sincerely|Thanks|Cheers|Best),?\n)`;
// The cue regex is tried (sticky) only where a cue can start: found by the shared keyword pass, at the offsets the
// cue words put before "name" (`my name` … `partner's name`) and "called" (`is called`, `was called`).
const CUE_AT = new RegExp(CUE, "y");
const NAME_AT = new RegExp(`[ \\t]*(${NAME})`, "uy");
const GATES: readonly (readonly [number, readonly number[]])[] = [
  [registerGate(["name"], true), [0, 3, 4, 5, 6, 7, 8, 10]],
  [registerGate(["called"], true), [3, 4]],
  [registerGate(["mr", "ms", "miss", "dr", "prof", "dear", "regards", "sincerely", "thanks", "cheers", "best"], true), [0]],
];
// Capitalised words that follow those cues without being names ("Dear Sir", "Name: The …").
const NOT_NAMES = new Set(
  "Sir Madam Customer Team All User Users Friend Friends Manager Hiring The A An This That It Is Not Unknown Here Support"
    .split(" "),
);

/** Where a cue can start in `input.text`, ascending. */
function cueStarts(input: NormalizedText): number[] {
  const out: number[] = [];
  for (const [gate, offsets] of GATES) {
    const starts = keywordStarts(input, gate);
    for (const s of starts) for (const o of offsets) if (s - o >= 0) out.push(s - o);
  }
  return anchorPositions(out, [0]);
}

/** Person names, only after a naming cue. Lower confidence than checksummed PII. */
export const personNameDetector: Detector = {
  name: "person_name",
  category: "pii",
  scan(input: NormalizedText): Finding[] {
    const findings: Finding[] = [];
    const text = input.text;
    let lastEnd = 0;
    for (const at of cueStarts(input)) {
      if (at < lastEnd) continue;
      CUE_AT.lastIndex = at;
      const cue = CUE_AT.exec(text);
      if (cue === null) continue;
      lastEnd = at + Math.max(cue[0].length, 1);
      NAME_AT.lastIndex = at + cue[0].length;
      const match = NAME_AT.exec(text);
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
