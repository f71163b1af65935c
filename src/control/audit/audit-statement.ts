import { auditFields, type AuditEntry, type AuditFields } from "./audit-record";
import { chainHash, GENESIS_HASH } from "./chain-hash";

/*
 * How the chain stays linear with many concurrent writers, and why a record cannot be split from its change.
 *
 * SQLite (D1) has no SHA-256, so the Worker must compute `hash`, and for that it must know the head of the chain
 * (last seq and hash) before the insert runs. The insert therefore *re-derives* `seq` and `prev_hash` from the
 * current last row inside SQL, in the same transaction as the caller's change (`db.batch([...change, audit])`),
 * and stores the Worker's hash only if the head it sees is exactly the head the Worker hashed against:
 *
 *   seq       = (SELECT MAX(seq)) + 1                          -- decided by the database, at commit time
 *   prev_hash = hash of that last row (genesis: 64 zeros)      -- decided by the database, at commit time
 *   hash      = CASE WHEN head = (expected seq, expected hash) THEN <Worker's hash> END
 *
 * If another writer appended in between, the CASE yields NULL, `hash NOT NULL` fails, and D1 rolls back the whole
 * batch — the caller's change included — so a change is never committed without its record, and a record is
 * never committed with a hash over the wrong predecessor. `prev_hash` is also UNIQUE: two records can never share a
 * predecessor, whoever writes them. The loser of a race retries with the new head (`batchWithAudit`): optimistic
 * concurrency, the chain can only grow in a line. D1 runs one write transaction at a time, so the check-and-insert
 * is atomic. The head is read from the primary (plain `db`, not a read-replica session), or retries would not end.
 */

const COLUMNS = ["id", "at", "actor_id", "actor_role", "action", "target_type", "target_id", "outcome", "before", "after", "ip", "request_id"] as const;

const HEAD = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
const INSERT = `INSERT INTO audit_log (seq, ${COLUMNS.map((c) => `"${c}"`).join(", ")}, prev_hash, hash)
SELECT head.seq + 1, ${COLUMNS.map(() => "?").join(", ")}, head.hash,
       CASE WHEN head.seq = ? AND head.hash = ? THEN ? END
FROM (SELECT COALESCE((SELECT MAX(seq) FROM audit_log), 0) AS seq,
             COALESCE((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '${GENESIS_HASH}') AS hash) AS head`;

export interface ChainedInsert {
  readonly statement: D1PreparedStatement;
  /** The record's place in the chain if its batch commits. */
  readonly seq: number;
  readonly hash: string;
}

/**
 * A prepared statement that appends one audit record to the chain; put it in the same `db.batch([...])` as the
 * change it records. The batch fails (and changes nothing) if another record was appended since this call read
 * the head: build the statements again and retry — `batchWithAudit` does exactly that. One record per batch.
 */
export async function auditStatement(db: D1Database, entry: AuditEntry): Promise<D1PreparedStatement> {
  return (await chainedInsert(db, await auditFields(entry))).statement;
}

/** Reads the head and binds the guarded insert for already-redacted fields. */
export async function chainedInsert(db: D1Database, fields: AuditFields): Promise<ChainedInsert> {
  const head = (await db.prepare(HEAD).first<{ seq: number; hash: string }>()) ?? { seq: 0, hash: GENESIS_HASH };
  const seq = head.seq + 1;
  const hash = await chainHash({ ...fields, seq, prev_hash: head.hash });
  const statement = db.prepare(INSERT).bind(...COLUMNS.map((column) => fields[column]), head.seq, head.hash, hash);
  return { statement, seq, hash };
}

/** Whether a failed batch lost the race for the chain's head (and may be retried with a fresh head). */
export function isChainConflict(error: unknown): boolean {
  const message = error instanceof Error ? `${error.message} ${error.cause instanceof Error ? error.cause.message : ""}` : String(error);
  return /constraint failed: audit_log\.(?:hash|prev_hash|seq)\b/i.test(message);
}
