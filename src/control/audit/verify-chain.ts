import type { AuditRow } from "./audit-record";
import { chainHash, GENESIS_HASH } from "./chain-hash";

export type ChainReport =
  | { readonly ok: true; readonly count: number; readonly lastSeq: number; readonly lastHash: string; readonly complete: boolean }
  | { readonly ok: false; readonly seq: number; readonly reason: string; readonly checked: number };

export interface VerifyOptions {
  /** Rows read per query; default 500. */
  readonly pageSize?: number;
  /** Start after a checkpoint trusted from an earlier run (its seq and hash) instead of from the genesis. */
  readonly from?: { readonly seq: number; readonly hash: string };
  /** Stop (ok, `complete: false`) after this many records, to stay within one invocation's D1 query budget. */
  readonly maxRows?: number;
}

/**
 * Recomputes the chain in seq order, a page at a time, and reports the first break:
 * - a missing seq (a deleted record) is reported at the seq that is missing;
 * - a record whose `prev_hash` is not its predecessor's `hash` (records reordered, or a record edited together with
 *   its own hash) at that record;
 * - a record whose fields do not hash to its `hash` (an edited record) at that record.
 * `lastSeq`/`lastHash` can be compared with an external witness (the `iron.audit` log lines) to catch a truncated
 * or wholesale rewritten chain, which no chain can reveal from the inside; they also serve as the next checkpoint.
 */
export async function verifyAuditChain(db: D1Database, options: VerifyOptions = {}): Promise<ChainReport> {
  const pageSize = options.pageSize ?? 500;
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  let expectedSeq = (options.from?.seq ?? 0) + 1;
  let previous = options.from?.hash ?? GENESIS_HASH;
  let count = 0;
  // From the genesis, read from the very bottom: a record slipped in below seq 1 must show too.
  let after = options.from?.seq ?? Number.MIN_SAFE_INTEGER;
  for (;;) {
    const limit = Math.min(pageSize, maxRows - count);
    if (limit <= 0) return { ok: true, count, lastSeq: expectedSeq - 1, lastHash: previous, complete: false };
    const page = await db.prepare("SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?").bind(after, limit).all<AuditRow>();
    for (const row of page.results) {
      after = row.seq;
      const broken = await checkRow(row, expectedSeq, previous);
      if (broken !== null) return { ok: false, seq: broken.seq, reason: broken.reason, checked: count };
      previous = row.hash;
      expectedSeq = row.seq + 1;
      count++;
    }
    if (page.results.length < limit) return { ok: true, count, lastSeq: expectedSeq - 1, lastHash: previous, complete: true };
  }
}

async function checkRow(row: AuditRow, expectedSeq: number, previous: string): Promise<{ seq: number; reason: string } | null> {
  if (row.seq < expectedSeq) return { seq: row.seq, reason: `record ${row.seq} is out of sequence (the chain starts at 1)` };
  if (row.seq > expectedSeq) return { seq: expectedSeq, reason: `record ${expectedSeq} is missing (the next one is ${row.seq})` };
  if (row.prev_hash !== previous) return { seq: row.seq, reason: "prev_hash is not the previous record's hash (a record was removed, reordered or rewritten)" };
  const { hash, ...fields } = row;
  if ((await chainHash(fields)) !== hash) return { seq: row.seq, reason: "the record's contents do not match its hash (the record was edited)" };
  return null;
}
