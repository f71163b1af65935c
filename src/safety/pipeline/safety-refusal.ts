import { refuse, type Refusal } from "../../errors/refusal";
import type { SafetyDirection } from "../../policies/policy-schema";
import type { SafetyCategory } from "../types";
import type { AuditFinding } from "./types";

/** A `safety_blocked` refusal that carries its findings (fingerprints only) to the audit record. */
export interface SafetyRefusal extends Refusal {
  readonly safety: readonly AuditFinding[];
}

/** The refusal for a blocked call: it names the categories, never the matched text. */
export function safetyRefusal(categories: readonly SafetyCategory[], direction: SafetyDirection, findings: readonly AuditFinding[]): SafetyRefusal {
  const where = direction === "input" ? "in input" : "in the provider's response";
  // The categories also go in a header, so SDKs need not parse the message (the stream's error event has only the message).
  const headers = { "x-iron-safety-categories": categories.join(",") };
  return { ...refuse("safety_blocked", `Blocked by the safety policy: ${categories.join(", ")} ${where}.`, { headers }), safety: findings };
}

/** The findings a refusal carries, if it is a safety refusal. */
export function refusalFindings(refusal: Refusal): readonly AuditFinding[] {
  return (refusal as Partial<SafetyRefusal>).safety ?? [];
}
