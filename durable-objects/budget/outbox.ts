/** Rows for D1 (audit and analytics) queued in the same transaction as the ledger change they describe. */
export interface OutboxRow {
  seq: number;
  dedupeId: string;
  kind: "request" | "budget_event";
  payload: Record<string, unknown>;
}

export function enqueue(sql: SqlStorage, dedupeId: string, kind: OutboxRow["kind"], payload: Record<string, unknown>, now: number): void {
  sql.exec("INSERT OR IGNORE INTO outbox (dedupe_id, kind, payload, created_at) VALUES (?, ?, ?, ?)", dedupeId, kind, JSON.stringify(payload), now);
}

export function peekOutbox(sql: SqlStorage, limit: number, upToSeq: number): OutboxRow[] {
  return sql
    .exec<{ seq: number; dedupe_id: string; kind: OutboxRow["kind"]; payload: string }>("SELECT seq, dedupe_id, kind, payload FROM outbox WHERE seq <= ? ORDER BY seq LIMIT ?", upToSeq, limit)
    .toArray()
    .map((row) => ({ seq: row.seq, dedupeId: row.dedupe_id, kind: row.kind, payload: JSON.parse(row.payload) as Record<string, unknown> }));
}

/** Removes delivered rows: called only after D1 accepted them. */
export function ackOutbox(sql: SqlStorage, upToSeq: number): void {
  sql.exec("DELETE FROM outbox WHERE seq <= ?", upToSeq);
}

export function lastOutboxSeq(sql: SqlStorage): number {
  return sql.exec<{ s: number | null }>("SELECT MAX(seq) AS s FROM outbox").one().s ?? 0;
}

export function outboxSize(sql: SqlStorage): number {
  return sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox").one().n;
}

/** A budget event row for D1's `budget_events` table. */
export function budgetEvent(agentId: string, id: string, kind: string, poolId: string, amountMicros: number, now: number, detail: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, agent_id: agentId, pool_id: poolId, kind, amount_micros: amountMicros, at: new Date(now).toISOString(), detail: JSON.stringify(detail) };
}
