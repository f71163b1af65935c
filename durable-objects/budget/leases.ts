import { isRefusalCode, resolveSpender } from "./access";
import { budgetEvent, enqueue } from "./outbox";
import { MAX_LEASE_DEPTH, applyDelta, available, depthOf, leasedOut, openChildren, poolByToken, readPool, rootPool, type Pool } from "./pools";
import { addOverrun, readSettings, type Settings } from "./settings";
import type { LeaseResult, LeaseView, OpenLeaseInput } from "./types";

/** Leases: slices of a pool lent to a holder (an SDK run, a runtime, a nested run), spent against, refreshed, returned. */
export function leaseView(sql: SqlStorage, lease: Pool): LeaseView {
  return {
    leaseId: lease.id,
    parentId: lease.parentId ?? "",
    state: lease.state,
    grantedMicros: lease.limitMicros,
    spentMicros: lease.spentMicros,
    reservedMicros: lease.reservedMicros,
    remainingMicros: available(sql, lease),
    expiresAt: lease.expiresAt ?? 0,
  };
}

const agentRemaining = (sql: SqlStorage): number => {
  const root = rootPool(sql);
  return root === null ? 0 : available(sql, root);
};

function refused(sql: SqlStorage, code: Exclude<LeaseResult, { ok: true }>["code"], remainingMicros = 0): LeaseResult {
  return { ok: false, code, remainingMicros, agentRemainingMicros: agentRemaining(sql) };
}

export function openLease(sql: SqlStorage, input: OpenLeaseInput, now: number): LeaseResult {
  const settings = readSettings(sql);
  if (settings === null) return refused(sql, "invalid_agent_token");
  const parent = resolveSpender(sql, settings, input.spender, now);
  if (isRefusalCode(parent)) return refused(sql, parent);
  const existing = readPool(sql, input.leaseId);
  if (existing !== null) return { ok: true, lease: leaseView(sql, existing), agentRemainingMicros: agentRemaining(sql) };
  if (depthOf(sql, parent) >= MAX_LEASE_DEPTH) return refused(sql, "lease_depth");
  const remaining = available(sql, parent);
  const granted = Math.min(Math.max(0, Math.floor(input.requestedMicros)), remaining);
  if (granted <= 0) return refused(sql, "budget_exceeded", remaining);
  sql.exec(
    "INSERT INTO pools (id, parent_id, token_hash, limit_micros, state, expires_at, created_at) VALUES (?, ?, ?, ?, 'open', ?, ?)",
    input.leaseId,
    parent.id,
    input.leaseTokenHash,
    granted,
    now + input.ttlMs,
    now,
  );
  enqueue(sql, `lease_open:${input.leaseId}`, "budget_event", budgetEvent(settings.agentId, `lease_open:${input.leaseId}`, "lease_open", input.leaseId, granted, now, { parent: parent.id }), now);
  const lease = readPool(sql, input.leaseId);
  if (lease === null) throw new Error("lease vanished after insert");
  return { ok: true, lease: leaseView(sql, lease), agentRemainingMicros: agentRemaining(sql) };
}

/** The open lease behind a lease token, after the agent-level checks. */
function liveLease(sql: SqlStorage, leaseTokenHash: string, now: number): { lease: Pool; settings: Settings } | LeaseResult {
  const settings = readSettings(sql);
  const lease = poolByToken(sql, leaseTokenHash);
  if (settings === null || lease === null) return refused(sql, "unknown_lease");
  const pool = resolveSpender(sql, settings, { kind: "lease", leaseTokenHash }, now);
  if (isRefusalCode(pool)) return refused(sql, pool);
  return { lease, settings };
}

export function refreshLease(sql: SqlStorage, leaseTokenHash: string, addMicros: number, ttlMs: number | null, now: number): LeaseResult {
  const live = liveLease(sql, leaseTokenHash, now);
  if ("ok" in live) return live;
  const { lease, settings } = live;
  if (ttlMs !== null) sql.exec("UPDATE pools SET expires_at = ? WHERE id = ?", now + ttlMs, lease.id);
  const parent = lease.parentId === null ? null : readPool(sql, lease.parentId);
  const add = parent === null ? 0 : Math.min(Math.max(0, Math.floor(addMicros)), available(sql, parent));
  if (add > 0) {
    sql.exec("UPDATE pools SET limit_micros = limit_micros + ? WHERE id = ?", add, lease.id);
    const id = `lease_refresh:${lease.id}:${crypto.randomUUID()}`;
    enqueue(sql, id, "budget_event", budgetEvent(settings.agentId, id, "lease_refresh", lease.id, add, now), now);
  }
  const after = readPool(sql, lease.id) ?? lease;
  if (addMicros > 0 && add === 0) return refused(sql, "budget_exceeded", available(sql, after));
  return { ok: true, lease: leaseView(sql, after), agentRemainingMicros: agentRemaining(sql) };
}

/** External usage reported against a lease, exactly once per event id. Charged in full even past the grant (recorded as overrun). */
export function reportUsage(sql: SqlStorage, leaseTokenHash: string, eventId: string, costMicros: number, now: number): LeaseResult & { duplicate?: boolean } {
  const lease = poolByToken(sql, leaseTokenHash);
  if (lease === null) return refused(sql, "unknown_lease");
  const seen = sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM lease_reports WHERE pool_id = ? AND event_id = ?", lease.id, eventId).one().n;
  if (seen > 0) return { ok: true, lease: leaseView(sql, lease), agentRemainingMicros: agentRemaining(sql), duplicate: true };
  const live = liveLease(sql, leaseTokenHash, now);
  if ("ok" in live) return live;
  const cost = Math.max(0, Math.ceil(costMicros));
  const headroom = available(sql, lease);
  sql.exec("INSERT INTO lease_reports (pool_id, event_id, amount_micros, at) VALUES (?, ?, ?, ?)", lease.id, eventId, cost, now);
  applyDelta(sql, lease.id, cost, 0);
  addOverrun(sql, Math.max(0, cost - headroom));
  if (cost > headroom) rebalanceChain(sql, lease.id);
  enqueue(sql, `report:${lease.id}:${eventId}`, "budget_event", budgetEvent(live.settings.agentId, `report:${lease.id}:${eventId}`, "usage_report", lease.id, cost, now, { event_id: eventId }), now);
  const after = readPool(sql, lease.id) ?? lease;
  return { ok: true, lease: leaseView(sql, after), agentRemainingMicros: agentRemaining(sql), duplicate: false };
}

/** Closes a lease (and its nested leases): its unspent headroom flows back to the parent at once. */
export function closeLease(sql: SqlStorage, lease: Pool, reason: "returned" | "expired" | "revoked", now: number): void {
  if (lease.state !== "open") return;
  // Everything not spent or reserved flows back, nested leases' headroom included.
  const headroom = unspent(lease);
  for (const child of openChildren(sql, lease.id)) closeLease(sql, child, reason, now);
  sql.exec("UPDATE pools SET state = ?, closed_at = ? WHERE id = ?", reason, now, lease.id);
  const settings = readSettings(sql);
  const id = `lease_${reason}:${lease.id}`;
  enqueue(sql, id, "budget_event", budgetEvent(settings?.agentId ?? "", id, `lease_${reason}`, lease.id, headroom, now, { spent_micros: lease.spentMicros }), now);
}

export function returnLease(sql: SqlStorage, leaseTokenHash: string, now: number): LeaseResult & { returnedMicros?: number } {
  const lease = poolByToken(sql, leaseTokenHash);
  if (lease === null) return refused(sql, "unknown_lease");
  if (lease.state !== "open") return { ok: true, lease: leaseView(sql, lease), agentRemainingMicros: agentRemaining(sql), returnedMicros: 0 };
  const returned = unspent(lease);
  closeLease(sql, lease, "returned", now);
  const after = readPool(sql, lease.id) ?? lease;
  return { ok: true, lease: leaseView(sql, after), agentRemainingMicros: agentRemaining(sql), returnedMicros: returned };
}

/** A lease's limit not yet spent or reserved (its nested leases' headroom included). */
function unspent(lease: Pool): number {
  return Math.max(0, lease.limitMicros - lease.spentMicros - lease.reservedMicros);
}

/** After a budget decrease: shrink open leases (newest first, nested ones too) until the agent's commitments fit again. */
export function fitLeasesToBudget(sql: SqlStorage): void {
  const root = rootPool(sql);
  if (root !== null) rebalance(sql, root);
}

/**
 * After spend beyond a pool's limit (an overrun report or settlement) or a lowered limit: cut the unspent headroom
 * of its open leases so that nothing below can still spend past it. Applied from `poolId` up to the agent's budget.
 */
export function rebalanceChain(sql: SqlStorage, poolId: string): void {
  for (let pool = readPool(sql, poolId); pool !== null; pool = pool.parentId === null ? null : readPool(sql, pool.parentId)) rebalance(sql, pool);
}

function rebalance(sql: SqlStorage, pool: Pool): void {
  let excess = pool.spentMicros + pool.reservedMicros + leasedOut(sql, pool.id) - pool.limitMicros;
  for (const lease of openChildren(sql, pool.id)) {
    if (excess <= 0) return;
    excess -= shrink(sql, lease, excess);
  }
}

/** Cuts up to `want` of a lease's unspent headroom: its own free part first, then its nested leases'. Returns the cut. */
function shrink(sql: SqlStorage, lease: Pool, want: number): number {
  // Only headroom the parent counts can be cut: never more than what the lease has not spent or reserved.
  const target = Math.min(want, unspent(lease));
  let cut = Math.min(target, available(sql, lease));
  for (const child of openChildren(sql, lease.id)) {
    if (cut >= target) break;
    cut += shrink(sql, child, target - cut);
  }
  if (cut > 0) sql.exec("UPDATE pools SET limit_micros = limit_micros - ? WHERE id = ?", cut, lease.id);
  return cut;
}
