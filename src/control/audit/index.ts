/** The control plane's hash-chained audit log (issue 4 §6). */
export { auditFields, type AuditActorRole, type AuditEntry, type AuditFields, type AuditOutcome, type AuditRow } from "./audit-record";
export { auditStatement, chainedInsert, isChainConflict, type ChainedInsert } from "./audit-statement";
export { batchWithAudit, recordAudit, type AuditedBatchOptions } from "./batch-with-audit";
export { chainHash, chainPayload, GENESIS_HASH } from "./chain-hash";
export { redactForAudit, REDACTED_PASSWORD, secretKind } from "./redact";
export { verifyAuditChain, type ChainReport, type VerifyOptions } from "./verify-chain";
