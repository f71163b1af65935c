import type { AuditEntry } from "../audit/audit-record";
import { batchWithAudit } from "../audit/batch-with-audit";

/*
 * A change guarded by a condition (not the last admin, the user still exists, the token not yet rotated) is one
 * conditional UPDATE/INSERT. When the condition fails the statement changes nothing — but the audit record in the
 * same batch would still be written, claiming a change that did not happen. So the statement is followed by a
 * guard that makes SQLite raise an error (json() of invalid text) when the previous statement changed no row:
 * the whole batch, audit record included, is rolled back, and `auditedChange` reports false.
 * `changes()` counts the most recent INSERT/UPDATE/DELETE, so the guard must come right after its statement.
 */
const GUARD = "SELECT json(CASE WHEN changes() > 0 THEN '0' ELSE 'iron: guarded change did not apply' END) AS guard";

export function requireChanged(db: D1Database): D1PreparedStatement {
  return db.prepare(GUARD);
}

export function isGuardAbort(error: unknown): boolean {
  const message = error instanceof Error ? `${error.message} ${error.cause instanceof Error ? error.cause.message : ""}` : String(error);
  return /malformed JSON/i.test(message);
}

/**
 * `batchWithAudit`, except that a failed guard is an answer, not an error: false, and nothing was committed.
 * `statements` may be called again (audit chain race): build them inside it.
 */
export async function auditedChange(db: D1Database, entry: AuditEntry, statements: () => D1PreparedStatement[] | Promise<D1PreparedStatement[]>): Promise<D1Result[] | false> {
  try {
    return await batchWithAudit(db, entry, statements);
  } catch (error) {
    if (isGuardAbort(error)) return false;
    throw error;
  }
}
