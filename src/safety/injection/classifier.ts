/**
 * `injection_classifier`: the trained linear model over the normalised text (best window for long text, so an
 * injection buried in a retrieved document or tool result is not diluted away) and over each decoded payload.
 * No keywords: the classifier exists to catch attacks that no fixed word list anticipates.
 */
import type { Detector, Finding, NormalizedText } from "../types";
import { loadInjectionModel } from "./model";
import { scoreText } from "./score";
import { toOriginalSpan } from "./spans";

export const injectionClassifierDetector: Detector = {
  name: "injection_classifier",
  category: "injection",
  scan(input: NormalizedText): Finding[] {
    const model = loadInjectionModel();
    const findings: Finding[] = [];
    const best = scoreText(input.text, model);
    if (best.score >= model.threshold) findings.push(finding(toOriginalSpan(input, best.start, best.end), best.score));
    for (const span of input.decoded) {
      const s = scoreText(span.text, model);
      if (s.score >= model.threshold) findings.push(finding(span, s.score));
    }
    return findings;
  },
};

function finding(span: { readonly start: number; readonly end: number }, score: number): Finding {
  return { detector: "injection_classifier", category: "injection", label: "injection", start: span.start, end: span.end, confidence: score };
}
