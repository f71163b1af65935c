/**
 * A project's budget, lent to its agents' budget objects as slices (escrow). Invariant at every instant:
 * Σ over agents of max(granted, reported committed) ≤ project budget — and each agent's budget object never
 * commits more than its slice, so the sum of all agents' spend can never exceed the project budget.
 */
export const PROJECT_DDL = [
  `CREATE TABLE IF NOT EXISTS project (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     project_id TEXT NOT NULL,
     budget_micros INTEGER NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS slices (
     agent_id TEXT PRIMARY KEY,
     granted_micros INTEGER NOT NULL DEFAULT 0,
     committed_micros INTEGER NOT NULL DEFAULT 0,
     updated_at INTEGER NOT NULL
   )`,
];

export interface ProjectSnapshot {
  projectId: string;
  budgetMicros: number;
  /** Σ max(granted, committed) over agents. */
  heldMicros: number;
  /** Σ committed reported by agents (their spend + reservations + leases). */
  committedMicros: number;
  remainingMicros: number;
  agents: number;
}

export function projectSnapshot(sql: SqlStorage): ProjectSnapshot | null {
  const project = sql.exec<{ project_id: string; budget_micros: number }>("SELECT project_id, budget_micros FROM project WHERE id = 1").toArray()[0];
  if (project === undefined) return null;
  const sums = sql
    .exec<{ held: number | null; committed: number | null; n: number }>(
      "SELECT SUM(MAX(granted_micros, committed_micros)) AS held, SUM(committed_micros) AS committed, COUNT(*) AS n FROM slices",
    )
    .one();
  const held = sums.held ?? 0;
  return {
    projectId: project.project_id,
    budgetMicros: project.budget_micros,
    heldMicros: held,
    committedMicros: sums.committed ?? 0,
    remainingMicros: Math.max(0, project.budget_micros - held),
    agents: sums.n,
  };
}

/**
 * Sets an agent's slice to cover `committed + want` if the project can (or as much of it as it can), recording
 * what the agent reports as committed. Slices never go below what the agent has committed.
 */
export function grantSlice(sql: SqlStorage, agentId: string, committedMicros: number, wantMicros: number, now: number): number {
  const current = sql.exec<{ granted_micros: number; committed_micros: number }>("SELECT granted_micros, committed_micros FROM slices WHERE agent_id = ?", agentId).toArray()[0];
  const snapshot = projectSnapshot(sql);
  if (snapshot === null) return current?.granted_micros ?? 0;
  const heldByAgent = current === undefined ? 0 : Math.max(current.granted_micros, current.committed_micros);
  const floor = Math.max(committedMicros, current?.granted_micros ?? 0);
  const room = snapshot.budgetMicros - (snapshot.heldMicros - heldByAgent);
  const granted = Math.max(floor, Math.min(committedMicros + Math.max(0, wantMicros), room));
  sql.exec(
    `INSERT INTO slices (agent_id, granted_micros, committed_micros, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (agent_id) DO UPDATE SET granted_micros = excluded.granted_micros, committed_micros = excluded.committed_micros, updated_at = excluded.updated_at`,
    agentId,
    granted,
    committedMicros,
    now,
  );
  return granted;
}

/** The agent gives back what it has not committed: its slice shrinks to `committed`. */
export function releaseSlice(sql: SqlStorage, agentId: string, committedMicros: number, now: number): number {
  sql.exec("UPDATE slices SET granted_micros = ?, committed_micros = ?, updated_at = ? WHERE agent_id = ?", committedMicros, committedMicros, now, agentId);
  return committedMicros;
}
