import { budgetEventInsert } from "../../src/audit/budget-event";
import { requestLogWithRollup } from "../../src/analytics/rollup-statement";
import { ackOutbox, peekOutbox } from "./outbox";

const BATCH = 100;

/**
 * Delivers queued rows to D1 in one batch. Inserts are idempotent (by id), and rows leave the outbox only after
 * D1 accepted the batch, so every row arrives exactly once even if a flush is interrupted and repeated.
 * Only rows queued up to `upToSeq` are sent, so a flush does not chase rows that arrive while it waits on D1
 * (they go with the next one, in a fuller batch). Returns the number of rows delivered.
 */
export async function flushOutbox(sql: SqlStorage, db: D1Database, transactionSync: <T>(fn: () => T) => T, upToSeq: number): Promise<number> {
  const rows = peekOutbox(sql, BATCH, upToSeq);
  const last = rows.at(-1);
  if (last === undefined) return 0;
  await db.batch(rows.flatMap((row) => (row.kind === "request" ? requestLogWithRollup(db, row.payload) : [budgetEventInsert(db, row.payload)])));
  transactionSync(() => { ackOutbox(sql, last.seq); });
  return rows.length;
}
