import { fingerprint } from "../../crypto/envelope";
import type { AuditFinding, CategoryActions } from "../pipeline/types";
import type { StreamFinding } from "./stream-scanner";

/** Same bound as the non-streaming scan: a pathological output must not bloat the audit row. */
const MAX_AUDIT_FINDINGS = 50;

/** A stream's findings as the audit record stores them: category, detector and a fingerprint, never the text. */
export async function streamAuditFindings(findings: readonly StreamFinding[], actions: CategoryActions): Promise<AuditFinding[]> {
  return Promise.all(
    findings.slice(0, MAX_AUDIT_FINDINGS).map(async (f): Promise<AuditFinding> => ({
      category: f.category,
      detector: f.detector,
      label: f.label,
      direction: "output",
      source: "completion",
      action: actions[f.category],
      fingerprint: await fingerprint(f.value),
    })),
  );
}
