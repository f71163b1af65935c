import type { Finding } from "../types";

/**
 * Resolves overlapping findings into disjoint spans, sorted by start. Greedy by priority (higher confidence, then
 * longer span, then earlier start): a finding is kept only if it overlaps nothing already kept. So an SSN at 0.99 beats
 * a phone reading of the same digits at 0.75, and a full address beats the street fragment inside it at equal confidence.
 * When a lower-priority finding sticks out past a kept one, the kept span is widened to cover it, so no part of
 * either value leaks.
 */
export function mergeFindings(findings: readonly Finding[]): Finding[] {
  const valid = findings.filter((f) => f.end > f.start);
  const byPriority = [...valid].sort(
    (a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const finding of byPriority) {
    const overlapIndex = kept.findIndex((k) => k.start < finding.end && finding.start < k.end);
    if (overlapIndex === -1) {
      kept.push(finding);
      continue;
    }
    const winner = kept[overlapIndex];
    if (winner === undefined) continue;
    const widened = { ...winner, start: Math.min(winner.start, finding.start), end: Math.max(winner.end, finding.end) };
    // Widening may now touch a third kept span; fold those in too so the output stays disjoint.
    const rest = kept.filter((k, i) => i !== overlapIndex && !(k.start < widened.end && widened.start < k.end));
    const swallowed = kept.filter((k, i) => i !== overlapIndex && k.start < widened.end && widened.start < k.end);
    const merged = swallowed.reduce(
      (acc, k) => ({ ...acc, start: Math.min(acc.start, k.start), end: Math.max(acc.end, k.end) }),
      widened,
    );
    kept.length = 0;
    kept.push(...rest, merged);
  }
  return kept.sort((a, b) => a.start - b.start);
}
