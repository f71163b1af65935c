import type { AgentStatus, BudgetConfig, BudgetSnapshot } from "./types";

/** Synchronous reads and writes of one agent's ledger tables; callers wrap them in `transactionSync`. */
export interface ConfigRow {
  agentId: string;
  budgetMicros: number;
  status: AgentStatus;
  tokenHash: string | null;
  spentMicros: number;
  reservedMicros: number;
}

export function readConfig(sql: SqlStorage): ConfigRow | null {
  const row = sql
    .exec<{ agent_id: string; budget_micros: number; status: string; token_hash: string | null; spent_micros: number; reserved_micros: number }>(
      "SELECT agent_id, budget_micros, status, token_hash, spent_micros, reserved_micros FROM config WHERE id = 1",
    )
    .toArray()[0];
  if (row === undefined) return null;
  return {
    agentId: row.agent_id,
    budgetMicros: row.budget_micros,
    status: row.status as AgentStatus,
    tokenHash: row.token_hash,
    spentMicros: row.spent_micros,
    reservedMicros: row.reserved_micros,
  };
}

export function writeConfig(sql: SqlStorage, config: BudgetConfig): void {
  sql.exec(
    `INSERT INTO config (id, agent_id, budget_micros, status, token_hash) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET agent_id = excluded.agent_id, budget_micros = excluded.budget_micros,
       status = excluded.status, token_hash = excluded.token_hash`,
    config.agentId,
    config.budgetMicros,
    config.status,
    config.tokenHash,
  );
}

export function remainingOf(config: ConfigRow): number {
  return config.budgetMicros - config.spentMicros - config.reservedMicros;
}

export function appendLedger(sql: SqlStorage, eventId: string, kind: string, amountMicros: number, detail: unknown): void {
  sql.exec(
    "INSERT INTO ledger (event_id, kind, amount_micros, at, detail) VALUES (?, ?, ?, ?, ?)",
    eventId,
    kind,
    amountMicros,
    Date.now(),
    JSON.stringify(detail),
  );
}

export function snapshotOf(sql: SqlStorage, config: ConfigRow): BudgetSnapshot {
  const open = sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM reservations WHERE state = 'open'").one().n;
  return {
    agentId: config.agentId,
    status: config.status,
    budgetMicros: config.budgetMicros,
    spentMicros: config.spentMicros,
    reservedMicros: config.reservedMicros,
    remainingMicros: Math.max(0, remainingOf(config)),
    openReservations: open,
  };
}
