import { bytesToBase62 } from "../../tokens/base62";
import { redactForAudit } from "./redact";

export type AuditOutcome = "ok" | "denied" | "failed";
export type AuditActorRole = "admin" | "user" | "viewer" | "agent" | "anonymous" | "system";

/** What a caller records: who did what to which object, with what result, and the object before and after. */
export interface AuditEntry {
  readonly actorId: string | null;
  readonly actorRole: AuditActorRole;
  /** `noun.verb`: `agent.create`, `auth.login`, `provider.rotate_key`. */
  readonly action: string;
  readonly targetType?: string | null;
  readonly targetId?: string | null;
  readonly outcome: AuditOutcome;
  /** Any JSON; secrets are replaced by fingerprints before anything is stored or hashed. */
  readonly before?: unknown;
  readonly after?: unknown;
  readonly ip?: string | null;
  readonly requestId?: string | null;
  /** Defaults to now. */
  readonly at?: string;
}

/** One stored record; keys are the D1 column names (d1-migrations/0005_audit_log.sql). */
export interface AuditRow {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  actor_role: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  before: string | null;
  after: string | null;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/** A record's own fields, fixed before its place in the chain (seq, prev_hash, hash) is known. */
export type AuditFields = Omit<AuditRow, "seq" | "prev_hash" | "hash">;

const ACTION = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+$/;

/** Redacts and serializes an entry into the exact column values that will be stored and hashed. */
export async function auditFields(entry: AuditEntry): Promise<AuditFields> {
  if (!ACTION.test(entry.action)) throw new Error(`Audit action '${entry.action}' is not 'noun.verb'.`);
  return {
    id: `aud_${bytesToBase62(crypto.getRandomValues(new Uint8Array(16)))}`,
    at: entry.at ?? new Date().toISOString(),
    actor_id: entry.actorId,
    actor_role: entry.actorRole,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    outcome: entry.outcome,
    before: await jsonOrNull(entry.before),
    after: await jsonOrNull(entry.after),
    ip: entry.ip ?? null,
    request_id: entry.requestId ?? null,
  };
}

async function jsonOrNull(value: unknown): Promise<string | null> {
  return value === undefined ? null : JSON.stringify(await redactForAudit(value));
}
