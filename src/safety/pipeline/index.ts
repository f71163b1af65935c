/** The safety scanner pipeline (issue #5): one scan shared by input and output, and the body plumbing around it. */
export { applyPolicy } from "./apply-policy";
export { completionTexts } from "./completion-texts";
export { requestTexts } from "./request-texts";
export { scanBody, type BodyScan } from "./scan-body";
export { scanText } from "./scan-text";
export { refusalFindings, safetyRefusal, type SafetyRefusal } from "./safety-refusal";
export { serializeFindings } from "./serialize-findings";
export type { AuditFinding, CategoryActions, TextSlot, TextSource, Verdict } from "./types";
export { writeTexts } from "./write-texts";
