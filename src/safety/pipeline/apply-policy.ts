import type { Finding, SafetyCategory } from "../types";
import type { CategoryActions, Verdict } from "./types";

/**
 * Turns findings into what to do, per the direction's actions: which categories block the call, which findings are
 * masked, which categories are flagged in a header and which are only logged. `off` categories are ignored (they are
 * normally not scanned at all).
 */
export function applyPolicy(findings: readonly Finding[], actions: CategoryActions): Verdict {
  const block = new Set<SafetyCategory>();
  const warn = new Set<SafetyCategory>();
  const log = new Set<SafetyCategory>();
  const redact: Finding[] = [];
  for (const finding of findings) {
    const action = actions[finding.category];
    if (action === "block") block.add(finding.category);
    else if (action === "redact") redact.push(finding);
    else if (action === "warn") warn.add(finding.category);
    else if (action === "log") log.add(finding.category);
  }
  return { block: [...block].sort(), redact, warn: [...warn].sort(), log: [...log].sort() };
}
