import { ROOT_POOL } from "./schema";

/** A budget pool: the agent's own budget or a lease. `spent`/`reserved` include all descendants. */
export interface Pool {
  id: string;
  parentId: string | null;
  tokenHash: string | null;
  limitMicros: number;
  spentMicros: number;
  reservedMicros: number;
  state: "open" | "returned" | "expired" | "revoked";
  expiresAt: number | null;
  createdAt: number;
}

type PoolRow = {
  id: string;
  parent_id: string | null;
  token_hash: string | null;
  limit_micros: number;
  spent_micros: number;
  reserved_micros: number;
  state: Pool["state"];
  expires_at: number | null;
  created_at: number;
};

const COLUMNS = "id, parent_id, token_hash, limit_micros, spent_micros, reserved_micros, state, expires_at, created_at";

function toPool(row: PoolRow): Pool {
  return {
    id: row.id,
    parentId: row.parent_id,
    tokenHash: row.token_hash,
    limitMicros: row.limit_micros,
    spentMicros: row.spent_micros,
    reservedMicros: row.reserved_micros,
    state: row.state,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
  };
}

export function readPool(sql: SqlStorage, id: string): Pool | null {
  const row = sql.exec<PoolRow>(`SELECT ${COLUMNS} FROM pools WHERE id = ?`, id).toArray()[0];
  return row === undefined ? null : toPool(row);
}

export function poolByToken(sql: SqlStorage, tokenHash: string): Pool | null {
  const row = sql.exec<PoolRow>(`SELECT ${COLUMNS} FROM pools WHERE token_hash = ?`, tokenHash).toArray()[0];
  return row === undefined ? null : toPool(row);
}

export function openChildren(sql: SqlStorage, id: string): Pool[] {
  return sql.exec<PoolRow>(`SELECT ${COLUMNS} FROM pools WHERE parent_id = ? AND state = 'open' ORDER BY created_at DESC`, id).toArray().map(toPool);
}

/** Unspent headroom of a pool's open child leases (budget lent out and not yet spent or reserved). */
/** Every open lease of the agent (any depth), newest first, at most `limit`. */
export function openLeases(sql: SqlStorage, limit: number): Pool[] {
  return sql.exec<PoolRow>(`SELECT ${COLUMNS} FROM pools WHERE parent_id IS NOT NULL AND state = 'open' ORDER BY created_at DESC LIMIT ?`, limit).toArray().map(toPool);
}

export function leasedOut(sql: SqlStorage, id: string): number {
  return sql
    .exec<{ n: number | null }>(
      "SELECT SUM(MAX(0, limit_micros - spent_micros - reserved_micros)) AS n FROM pools WHERE parent_id = ? AND state = 'open'",
      id,
    )
    .one().n ?? 0;
}

/** spent + reserved + leased out: what the pool has committed against its limit. */
export function committed(sql: SqlStorage, pool: Pool): number {
  return pool.spentMicros + pool.reservedMicros + leasedOut(sql, pool.id);
}

/** What can still be spent or lent from the pool (0 once it is closed). */
export function available(sql: SqlStorage, pool: Pool): number {
  if (pool.state !== "open") return 0;
  return Math.max(0, pool.limitMicros - committed(sql, pool));
}

/** Applies a change of spent/reserved to a pool and every ancestor (they include descendants' amounts). */
export function applyDelta(sql: SqlStorage, poolId: string, spentDelta: number, reservedDelta: number): void {
  let id: string | null = poolId;
  for (let depth = 0; id !== null; depth++) {
    if (depth > MAX_LEASE_DEPTH) throw new Error("pools: lease chain deeper than allowed");
    sql.exec("UPDATE pools SET spent_micros = spent_micros + ?, reserved_micros = reserved_micros + ? WHERE id = ?", spentDelta, reservedDelta, id);
    id = readPool(sql, id)?.parentId ?? null;
  }
}

/** Leases may nest (a run inside a run) this many levels below the agent's budget. */
export const MAX_LEASE_DEPTH = 8;

/** How many leases stand between a pool and the agent's budget (0 for the agent's budget itself). */
export function depthOf(sql: SqlStorage, pool: Pool): number {
  let depth = 0;
  for (let parent = pool.parentId; parent !== null && depth <= MAX_LEASE_DEPTH; depth++) parent = readPool(sql, parent)?.parentId ?? null;
  return depth;
}

export function ensureRoot(sql: SqlStorage, budgetMicros: number, now: number): void {
  sql.exec(
    `INSERT INTO pools (id, parent_id, limit_micros, state, created_at) VALUES (?, NULL, ?, 'open', ?)
     ON CONFLICT (id) DO UPDATE SET limit_micros = excluded.limit_micros`,
    ROOT_POOL,
    budgetMicros,
    now,
  );
}

export function rootPool(sql: SqlStorage): Pool | null {
  return readPool(sql, ROOT_POOL);
}
