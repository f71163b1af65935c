import { auditFields, type AuditEntry } from "./audit-record";
import { chainedInsert, isChainConflict } from "./audit-statement";

export interface AuditedBatchOptions {
  /** Attempts before giving up under contention; default 50. */
  readonly attempts?: number;
}

/**
 * Commits the statements of one change together with its audit record, as one D1 batch (one transaction): both
 * or neither. When another writer appended to the chain first, the batch is rolled back by the database and rebuilt
 * here — `statements()` is called again, so it should read whatever it depends on afresh. Returns the D1 results
 * of the change's statements (the audit insert's result is left off).
 *
 * After the commit, one `{"event":"iron.audit","seq","hash",…}` line goes to the Worker log: an external witness of
 * the chain's head (Workers Logs, `wrangler tail`, Logpush), against which a rewritten or truncated chain shows.
 */
export async function batchWithAudit(
  db: D1Database,
  entry: AuditEntry,
  statements: () => D1PreparedStatement[] | Promise<D1PreparedStatement[]>,
  options: AuditedBatchOptions = {},
): Promise<D1Result[]> {
  const fields = await auditFields(entry);
  const attempts = options.attempts ?? 50;
  for (let attempt = 1; ; attempt++) {
    const change = await statements();
    const audit = await chainedInsert(db, fields);
    try {
      const results = await db.batch([...change, audit.statement]);
      console.log(JSON.stringify({ event: "iron.audit", seq: audit.seq, hash: audit.hash, id: fields.id, action: fields.action, outcome: fields.outcome }));
      return results.slice(0, change.length);
    } catch (error) {
      if (!isChainConflict(error) || attempt >= attempts) throw error;
      // Back off a random few milliseconds, growing with the attempt, so racing writers stop colliding in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 2 ** Math.min(attempt, 7))));
    }
  }
}

/** Records an action that changed nothing (a denied call, a failed login): the record alone, chained. */
export async function recordAudit(db: D1Database, entry: AuditEntry, options: AuditedBatchOptions = {}): Promise<void> {
  await batchWithAudit(db, entry, () => [], options);
}
