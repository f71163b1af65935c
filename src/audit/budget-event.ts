/** Budget events (lease lifecycle, usage reports, expiries, reconciliations, overruns) as delivered to D1. */
const COLUMNS = ["id", "agent_id", "pool_id", "kind", "amount_micros", "at", "detail"] as const;

export function budgetEventInsert(db: D1Database, event: Readonly<Record<string, unknown>>): D1PreparedStatement {
  const values = COLUMNS.map((column) => {
    const value = event[column];
    return value === undefined ? null : value;
  });
  return db.prepare(`INSERT OR IGNORE INTO budget_events (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map(() => "?").join(", ")})`).bind(...values);
}
