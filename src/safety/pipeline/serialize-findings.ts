import type { AuditFinding } from "./types";

/** The `request_log.safety` column: a JSON array of findings, or null when there were none. */
export function serializeFindings(findings: readonly AuditFinding[]): string | null {
  return findings.length === 0 ? null : JSON.stringify(findings);
}
