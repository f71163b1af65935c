import { fingerprint } from "../../crypto/envelope";
import type { SafetyDirection } from "../../policies/policy-schema";
import { redactText } from "../redact/redact";
import { RedactionSession } from "../redact/session";
import type { Finding, SafetyCategory } from "../types";
import { applyPolicy } from "./apply-policy";
import { activeDetectors } from "./detectors";
import { scanText } from "./scan-text";
import type { AuditFinding, CategoryActions, TextSlot } from "./types";
import { writeTexts } from "./write-texts";

/** At most this many findings go to one audit record, so a pasted dump cannot bloat the request log. */
const MAX_AUDIT_FINDINGS = 50;

export interface BodyScan<T> {
  /** The body to use from here on: redacted where the policy says so, otherwise the same object. */
  body: T;
  /** Categories that block the call (empty = go on). */
  block: SafetyCategory[];
  /** Categories for the `x-iron-safety-warnings` header. */
  warn: SafetyCategory[];
  /** Every finding, as category + fingerprint (never the matched text). */
  findings: AuditFinding[];
}

/**
 * Scans the given texts of a body with the direction's actions and applies them: the one operation shared by input
 * (request → provider) and non-streaming output (provider → agent). Nothing is scanned when every action is `off`.
 */
export async function scanBody<T extends Readonly<Record<string, unknown>>>(
  body: T,
  slots: readonly TextSlot[],
  actions: CategoryActions,
  direction: SafetyDirection,
  session: RedactionSession = new RedactionSession(),
): Promise<BodyScan<T>> {
  const detectors = activeDetectors(actions);
  const found: { slot: TextSlot; finding: Finding }[] = [];
  if (detectors.length > 0) {
    for (const slot of slots) for (const finding of scanText(slot.text, detectors)) found.push({ slot, finding });
  }
  if (found.length === 0) return { body, block: [], warn: [], findings: [] };
  const verdict = applyPolicy(found.map((f) => f.finding), actions);
  const edits: { slot: TextSlot; text: string }[] = [];
  if (verdict.block.length === 0 && verdict.redact.length > 0) {
    for (const slot of slots) {
      const spans = found.filter((f) => f.slot === slot && verdict.redact.includes(f.finding)).map((f) => f.finding);
      if (spans.length > 0) edits.push({ slot, text: redactText(slot.text, spans, session) });
    }
  }
  const findings = await Promise.all(
    found.slice(0, MAX_AUDIT_FINDINGS).map(async ({ slot, finding }): Promise<AuditFinding> => ({
      category: finding.category,
      detector: finding.detector,
      label: finding.label,
      direction,
      source: slot.source,
      action: actions[finding.category],
      fingerprint: await fingerprint(slot.text.slice(finding.start, finding.end)),
    })),
  );
  return { body: writeTexts(body, edits), block: verdict.block, warn: verdict.warn, findings };
}
