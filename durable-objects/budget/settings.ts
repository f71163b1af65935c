import type { AgentStatus, BudgetConfig, DisconnectPolicy, RateLimits } from "./types";

/** The agent-level settings of a budget object (one row). */
export interface Settings {
  agentId: string;
  status: AgentStatus;
  tokenHash: string | null;
  limits: RateLimits;
  disconnectPolicy: DisconnectPolicy;
  reservationTtlMs: number;
  overrunMicros: number;
  budgetMicros: number;
  projectId: string | null;
  projectSliceMicros: number;
  /** How long an agent in a project must be idle before it returns its unused slice. */
  sliceIdleMs: number;
}

type SettingsRow = {
  agent_id: string;
  status: AgentStatus;
  token_hash: string | null;
  rpm: number | null;
  tpm: number | null;
  concurrency: number | null;
  disconnect_policy: DisconnectPolicy;
  reservation_ttl_ms: number;
  overrun_micros: number;
  budget_micros: number;
  project_id: string | null;
  project_slice_micros: number;
  slice_idle_ms: number;
};

export function readSettings(sql: SqlStorage): Settings | null {
  const row = sql.exec<SettingsRow>("SELECT * FROM settings WHERE id = 1").toArray()[0];
  if (row === undefined) return null;
  return {
    agentId: row.agent_id,
    status: row.status,
    tokenHash: row.token_hash,
    limits: { requestsPerMinute: row.rpm, tokensPerMinute: row.tpm, concurrentRequests: row.concurrency },
    disconnectPolicy: row.disconnect_policy,
    reservationTtlMs: row.reservation_ttl_ms,
    overrunMicros: row.overrun_micros,
    budgetMicros: row.budget_micros,
    projectId: row.project_id,
    projectSliceMicros: row.project_slice_micros,
    sliceIdleMs: row.slice_idle_ms,
  };
}

/** Tuning knobs that are not part of an agent's configuration (tests and operators set them directly). */
export interface Timings {
  reservationTtlMs?: number;
  sliceIdleMs?: number;
}

export function writeSettings(sql: SqlStorage, config: BudgetConfig & Timings): void {
  const current = readSettings(sql);
  const limits = config.limits ?? current?.limits ?? { requestsPerMinute: null, tokensPerMinute: null, concurrentRequests: null };
  sql.exec(
    `INSERT INTO settings (id, agent_id, status, token_hash, rpm, tpm, concurrency, disconnect_policy, reservation_ttl_ms, budget_micros, project_id, slice_idle_ms)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET agent_id = excluded.agent_id, status = excluded.status, token_hash = excluded.token_hash,
       rpm = excluded.rpm, tpm = excluded.tpm, concurrency = excluded.concurrency,
       disconnect_policy = excluded.disconnect_policy, reservation_ttl_ms = excluded.reservation_ttl_ms,
       budget_micros = excluded.budget_micros, project_id = excluded.project_id, slice_idle_ms = excluded.slice_idle_ms,
       project_slice_micros = CASE WHEN excluded.project_id IS settings.project_id THEN settings.project_slice_micros ELSE 0 END`,
    config.agentId,
    config.status,
    config.tokenHash,
    limits.requestsPerMinute,
    limits.tokensPerMinute,
    limits.concurrentRequests,
    config.disconnectPolicy ?? current?.disconnectPolicy ?? "drain",
    config.reservationTtlMs ?? current?.reservationTtlMs ?? 1_800_000,
    config.budgetMicros,
    config.projectId === undefined ? (current?.projectId ?? null) : config.projectId,
    config.sliceIdleMs ?? current?.sliceIdleMs ?? 10_000,
  );
}

/** The root pool's limit: the agent's budget, and within a project also the slice the project lent it. */
export function rootLimit(settings: Settings): number {
  return settings.projectId === null ? settings.budgetMicros : Math.min(settings.budgetMicros, settings.projectSliceMicros);
}

export function setProjectSlice(sql: SqlStorage, sliceMicros: number): void {
  sql.exec("UPDATE settings SET project_slice_micros = ? WHERE id = 1", sliceMicros);
}

export function addOverrun(sql: SqlStorage, micros: number): void {
  if (micros > 0) sql.exec("UPDATE settings SET overrun_micros = overrun_micros + ? WHERE id = 1", micros);
}
