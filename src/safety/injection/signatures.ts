/**
 * `injection_signature`: the hand-written rules of `signature-rules.ts` over the normalised text, over every decoded
 * span (base64 / hex / URL payloads, reported on the encoded span), plus Unicode-tag smuggling, which is looked for in
 * the ORIGINAL text because the normaliser removes those invisible characters before anything else sees them.
 */
import type { Detector, Finding, NormalizedText } from "../types";
import { signatureLabels } from "./signature-scan";
import { toOriginalSpan } from "./spans";

// Tag characters U+E0020–U+E007E mirror printable ASCII; a run of them is an instruction invisible to a human reader.
const TAG_RUN = /(?:\u{E0001}|[\u{E0020}-\u{E007F}]){4,}/gu;

export const injectionSignatureDetector: Detector = {
  name: "injection_signature",
  category: "injection",
  scan(input: NormalizedText): Finding[] {
    const findings: Finding[] = [];
    for (const hit of signatureLabels(input.text)) {
      findings.push(finding(hit.label, toOriginalSpan(input, hit.start, hit.end), hit.confidence));
    }
    for (const span of input.decoded) {
      for (const hit of signatureLabels(span.text)) findings.push(finding(hit.label, span, hit.confidence));
    }
    // Tag characters are astral (high surrogate U+DB40): the regex runs only when one is present.
    if (input.original.includes("\udb40")) {
      for (const m of input.original.matchAll(TAG_RUN)) {
        findings.push(finding("encoded_payload", { start: m.index, end: m.index + m[0].length }, 0.95));
      }
    }
    return findings;
  },
};

function finding(label: string, span: { readonly start: number; readonly end: number }, confidence: number): Finding {
  return { detector: "injection_signature", category: "injection", label, start: span.start, end: span.end, confidence };
}
