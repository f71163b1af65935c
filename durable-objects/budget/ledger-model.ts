/**
 * TEST SUPPORT ONLY (used by ledger.property.test.ts; never imported by the Worker).
 *
 * A reference model of one agent's budget ledger, written from the contract (types.ts, PRODUCT.md §3–§4), not
 * from the SQL: plain maps, every ancestor updated on every change, no depth limits. The property test runs
 * the same commands against the real ledger in workerd's SQLite and compares results and state after each one.
 * The state shape (`LedgerState`) is also what the test reads back from SQLite, so the spec formulas below
 * (committed, available, headroom, exposure) are evaluated on the real state too.
 */
import { MAX_LEASE_DEPTH } from "./pools";
import type { AgentStatus, LeaseResult, LeaseView, RefusalCode, ReserveInput, ReserveResult, SettleInput, SettleResult, Spender } from "./types";

export const ROOT = "agent";
export const RETENTION_MS = 3_600_000;
export type PoolState = "open" | "returned" | "expired" | "revoked";
export type ResState = "open" | "settled" | "expired" | "reconciled";

export interface PoolRow {
  id: string;
  parent: string | null;
  token: string | null;
  limit: number;
  spent: number;
  reserved: number;
  state: PoolState;
  expiresAt: number | null;
}

export interface ResRow {
  id: string;
  pool: string;
  amount: number;
  maxTokens: number;
  clamped: boolean;
  state: ResState;
  cost: number | null;
  expiresAt: number;
  settledAt: number | null;
}

export interface LedgerState {
  token: string | null;
  status: AgentStatus;
  overrun: number;
  pools: Map<string, PoolRow>;
  res: Map<string, ResRow>;
  /** Reported usage events, keyed `${poolId} ${eventId}`. */
  events: Set<string>;
  /** Budget events queued for D1, as `kind pool amount` → how many. */
  outbox: Map<string, number>;
}

// ---- Spec formulas (PRODUCT §3, pools.ts contract), over any LedgerState ----

export const openChildren = (s: LedgerState, id: string): PoolRow[] => [...s.pools.values()].filter((p) => p.parent === id && p.state === "open");
/** Unspent headroom of a lease as its parent sees it (what flows back when it closes). */
export const headroom = (p: PoolRow): number => Math.max(0, p.limit - p.spent - p.reserved);
export const leasedOut = (s: LedgerState, id: string): number => openChildren(s, id).reduce((n, c) => n + headroom(c), 0);
export function committed(s: LedgerState, id: string): number {
  const p = s.pools.get(id);
  return p === undefined ? 0 : p.spent + p.reserved + leasedOut(s, id);
}
export function available(s: LedgerState, id: string): number {
  const p = s.pools.get(id);
  return p === undefined || p.state !== "open" ? 0 : Math.max(0, p.limit - committed(s, id));
}
/** Exposure: settled + reserved + everything any open pool could still grant: the most the agent can ever be billed without further overrun. */
export function exposure(s: LedgerState): number {
  const root = s.pools.get(ROOT);
  if (root === undefined) return 0;
  return [...s.pools.values()].reduce((n, p) => n + (p.state === "open" ? available(s, p.id) : 0), root.spent + root.reserved);
}
export function ancestors(s: LedgerState, id: string): PoolRow[] {
  const out: PoolRow[] = [];
  for (let p = s.pools.get(id); p !== undefined; p = p.parent === null ? undefined : s.pools.get(p.parent)) out.push(p);
  return out;
}
export const outputMicros = (tokens: number, perMillion: number): number => Math.floor((tokens * perMillion + 999_999) / 1_000_000);

export function cloneState(s: LedgerState): LedgerState {
  return {
    ...s,
    pools: new Map([...s.pools].map(([k, v]) => [k, { ...v }])),
    res: new Map([...s.res].map(([k, v]) => [k, { ...v }])),
    events: new Set(s.events),
    outbox: new Map(s.outbox),
  };
}

/** Largest completion in [0, wanted] whose reservation fits `avail` (binary search on exact integer cost), or null. */
export function bestMaxTokens(avail: number, input: ReserveInput): number | null {
  const wanted = input.requestedMaxTokens ?? input.modelMaxTokens;
  const fits = (t: number): boolean => input.inputMicros + outputMicros(t, input.outputMicrosPerMillion) <= avail;
  if (!fits(0)) return null;
  let lo = 0;
  let hi = wanted;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo < input.minOutputTokens ? null : lo;
}

type Refused = Extract<LeaseResult, { ok: false }>;
export type ReportResult = LeaseResult & { duplicate?: boolean };
export type ReturnResult = LeaseResult & { returnedMicros?: number };

/** What a command did to the ledger, beyond its result (the test checks these facts against the real state). */
export interface Effect {
  duplicate: boolean;
  /** Overproduction the command injected: settle cost above its reservation, report above the lease's headroom. */
  overrun: number;
}

export class LedgerModel {
  readonly s: LedgerState;
  /** Conservation: every charge ever made (settled costs, expiry charges, reconciliation deltas, reports). */
  charged = 0;
  /** What each ledger change is about (a reservation, a lease, a report, a refresh): one D1 event each. */
  private readonly emitted = new Set<string>();
  last: Effect = { duplicate: false, overrun: 0 };

  constructor(
    readonly agentId: string,
    budget: number,
    token: string,
    readonly ttlMs: number,
  ) {
    const pools = new Map<string, PoolRow>([[ROOT, { id: ROOT, parent: null, token: null, limit: budget, spent: 0, reserved: 0, state: "open", expiresAt: null }]]);
    this.s = { token, status: "active", overrun: 0, pools, res: new Map(), events: new Set(), outbox: new Map() };
  }

  private root(): PoolRow {
    const r = this.s.pools.get(ROOT);
    if (r === undefined) throw new Error("model: no root");
    return r;
  }
  agentRemaining = (): number => available(this.s, ROOT);
  private refused(code: Refused["code"], remainingMicros = 0): Refused {
    return { ok: false, code, remainingMicros, agentRemainingMicros: this.agentRemaining() };
  }
  private note(duplicate: boolean, overrun = 0): void {
    this.last = { duplicate, overrun };
    this.s.overrun += overrun;
  }
  private emit(subject: string, kind: string, pool: string, amount: number): void {
    if (this.emitted.has(`${kind} ${subject}`)) return;
    this.emitted.add(`${kind} ${subject}`);
    const key = `${kind} ${pool} ${amount}`;
    this.s.outbox.set(key, (this.s.outbox.get(key) ?? 0) + 1);
  }
  private delta(id: string, spent: number, reserved: number): void {
    for (const p of ancestors(this.s, id)) {
      p.spent += spent;
      p.reserved += reserved;
    }
    if (spent !== 0) this.charged += spent;
  }
  view(p: PoolRow): LeaseView {
    return { leaseId: p.id, parentId: p.parent ?? "", state: p.state, grantedMicros: p.limit, spentMicros: p.spent, reservedMicros: p.reserved, remainingMicros: available(this.s, p.id), expiresAt: p.expiresAt ?? 0 };
  }
  byToken = (hash: string): PoolRow | undefined => [...this.s.pools.values()].find((p) => p.token === hash);

  /** A lease is live while it and every lease above it are open and unexpired (a parent's expiry ends its nested leases). */
  isLive(p: PoolRow, now: number): boolean {
    return ancestors(this.s, p.id).every((a) => a.state === "open" && (a.expiresAt === null || a.expiresAt > now));
  }

  resolve(spender: Spender, now: number): PoolRow | RefusalCode {
    if (this.s.status === "deleted") return "invalid_agent_token";
    if (spender.kind === "agent" || spender.agentTokenHash !== undefined) {
      const presented = spender.kind === "agent" ? spender.tokenHash : spender.agentTokenHash;
      if (this.s.token === null || this.s.token !== presented) return "invalid_agent_token";
    }
    if (this.s.status === "suspended") return "agent_suspended";
    if (spender.kind === "agent") return this.root();
    const lease = this.byToken(spender.leaseTokenHash);
    if (lease === undefined) return "invalid_agent_token";
    return this.isLive(lease, now) ? lease : "lease_closed";
  }

  reserve(input: ReserveInput, now: number): ReserveResult {
    this.note(false);
    const pool = this.resolve(input.spender, now);
    if (typeof pool === "string") return { ok: false, code: pool, remainingMicros: 0, agentRemainingMicros: this.agentRemaining() };
    const grant = (r: ResRow, remainingMicros: number): ReserveResult => ({
      ok: true, reservationId: r.id, poolId: r.pool, amountMicros: r.amount, maxTokens: r.maxTokens, clamped: r.clamped,
      remainingMicros, agentRemainingMicros: this.agentRemaining(), disconnectPolicy: "drain",
    });
    const existing = this.s.res.get(input.reservationId);
    if (existing !== undefined) {
      this.note(true);
      return grant(existing, available(this.s, existing.pool));
    }
    const remaining = available(this.s, pool.id);
    const maxTokens = bestMaxTokens(remaining, input);
    if (maxTokens === null) return { ok: false, code: "budget_exceeded", remainingMicros: remaining, agentRemainingMicros: this.agentRemaining(), poolId: pool.id };
    const amount = input.inputMicros + outputMicros(maxTokens, input.outputMicrosPerMillion);
    const wanted = input.requestedMaxTokens ?? input.modelMaxTokens;
    const r: ResRow = { id: input.reservationId, pool: pool.id, amount, maxTokens, clamped: maxTokens < wanted, state: "open", cost: null, expiresAt: now + this.ttlMs, settledAt: null };
    this.s.res.set(r.id, r);
    this.delta(pool.id, 0, amount);
    return grant(r, remaining - amount);
  }

  settle(input: SettleInput, now: number): SettleResult {
    this.note(false);
    const r = this.s.res.get(input.reservationId);
    if (r === undefined) return { ok: false, reason: "unknown_reservation" };
    if (r.state === "settled" || r.state === "reconciled") {
      this.note(true);
      const cost = r.cost ?? 0;
      return { ok: true, duplicate: true, late: r.state === "reconciled", costMicros: cost, overrunMicros: Math.max(0, cost - r.amount), remainingMicros: available(this.s, r.pool) };
    }
    const cost = Math.max(0, Math.ceil(input.costMicros));
    const late = r.state === "expired";
    if (late) this.delta(r.pool, cost - r.amount, 0);
    else this.delta(r.pool, cost, -r.amount);
    Object.assign(r, { state: late ? "reconciled" : "settled", cost, settledAt: now });
    const overrun = Math.max(0, cost - r.amount);
    this.note(false, overrun);
    if (late) this.emit(r.id, "reconcile", r.pool, cost - r.amount);
    else if (overrun > 0) this.emit(r.id, "overrun", r.pool, overrun);
    return { ok: true, duplicate: false, late, costMicros: cost, overrunMicros: overrun, remainingMicros: available(this.s, r.pool) };
  }

  openLease(spender: Spender, leaseId: string, tokenHash: string, requested: number, ttlMs: number, now: number): LeaseResult {
    this.note(false);
    const parent = this.resolve(spender, now);
    if (typeof parent === "string") return this.refused(parent);
    const existing = this.s.pools.get(leaseId);
    if (existing !== undefined) {
      this.note(true);
      return { ok: true, lease: this.view(existing), agentRemainingMicros: this.agentRemaining() };
    }
    // Leases nest at most MAX_LEASE_DEPTH levels below the agent's budget.
    if (ancestors(this.s, parent.id).length - 1 >= MAX_LEASE_DEPTH) return this.refused("lease_depth");
    const remaining = available(this.s, parent.id);
    const granted = Math.min(Math.max(0, Math.floor(requested)), remaining);
    if (granted <= 0) return this.refused("budget_exceeded", remaining);
    const lease: PoolRow = { id: leaseId, parent: parent.id, token: tokenHash, limit: granted, spent: 0, reserved: 0, state: "open", expiresAt: now + ttlMs };
    this.s.pools.set(leaseId, lease);
    this.emit(leaseId, "lease_open", leaseId, granted);
    return { ok: true, lease: this.view(lease), agentRemainingMicros: this.agentRemaining() };
  }

  /** The lease behind a lease token, if it may act (refresh, report): agent status and liveness. */
  private liveLease(tokenHash: string, now: number): PoolRow | Refused {
    const lease = this.byToken(tokenHash);
    if (lease === undefined) return this.refused("unknown_lease");
    const pool = this.resolve({ kind: "lease", leaseTokenHash: tokenHash }, now);
    return typeof pool === "string" ? this.refused(pool) : lease;
  }

  refresh(tokenHash: string, addMicros: number, ttlMs: number | null, now: number): LeaseResult {
    this.note(false);
    const lease = this.liveLease(tokenHash, now);
    if ("ok" in lease) return lease;
    if (ttlMs !== null) lease.expiresAt = now + ttlMs;
    const add = lease.parent === null ? 0 : Math.min(Math.max(0, Math.floor(addMicros)), available(this.s, lease.parent));
    if (add > 0) {
      lease.limit += add;
      this.emit(String(this.emitted.size), "lease_refresh", lease.id, add);
    }
    if (addMicros > 0 && add === 0) return this.refused("budget_exceeded", available(this.s, lease.id));
    return { ok: true, lease: this.view(lease), agentRemainingMicros: this.agentRemaining() };
  }

  report(tokenHash: string, eventId: string, costMicros: number, now: number): ReportResult {
    this.note(false);
    const lease = this.byToken(tokenHash);
    if (lease === undefined) return this.refused("unknown_lease");
    const key = `${lease.id} ${eventId}`;
    if (this.s.events.has(key)) {
      this.note(true);
      return { ok: true, lease: this.view(lease), agentRemainingMicros: this.agentRemaining(), duplicate: true };
    }
    const live = this.liveLease(tokenHash, now);
    if ("ok" in live) return live;
    const cost = Math.max(0, Math.ceil(costMicros));
    const room = available(this.s, lease.id);
    this.s.events.add(key);
    this.delta(lease.id, cost, 0);
    this.note(false, Math.max(0, cost - room));
    this.emit(key, "usage_report", lease.id, cost);
    return { ok: true, lease: this.view(lease), agentRemainingMicros: this.agentRemaining(), duplicate: false };
  }

  private close(lease: PoolRow, reason: Exclude<PoolState, "open">): void {
    if (lease.state !== "open") return;
    for (const child of openChildren(this.s, lease.id)) this.close(child, reason);
    lease.state = reason;
    this.emit(lease.id, `lease_${reason}`, lease.id, headroom(lease));
  }

  returnLease(tokenHash: string): ReturnResult {
    this.note(false);
    const lease = this.byToken(tokenHash);
    if (lease === undefined) return this.refused("unknown_lease");
    if (lease.state !== "open") return { ok: true, lease: this.view(lease), agentRemainingMicros: this.agentRemaining(), returnedMicros: 0 };
    // What flows back to the parent: the lease's whole unspent headroom (its nested leases close with it).
    const returned = headroom(lease);
    this.close(lease, "returned");
    return { ok: true, lease: this.view(lease), agentRemainingMicros: this.agentRemaining(), returnedMicros: returned };
  }

  sweep(now: number): number | null {
    this.note(false);
    for (const r of [...this.s.res.values()]) {
      if (r.state !== "open" || r.expiresAt > now) continue;
      this.delta(r.pool, r.amount, -r.amount);
      Object.assign(r, { state: "expired", cost: r.amount, settledAt: now });
      this.emit(r.id, "reservation_expired", r.pool, r.amount);
    }
    for (const p of [...this.s.pools.values()]) if (p.state === "open" && p.expiresAt !== null && p.expiresAt <= now) this.close(p, "expired");
    for (const r of [...this.s.res.values()]) if ((r.state === "settled" || r.state === "reconciled") && (r.settledAt ?? 0) < now - RETENTION_MS) this.s.res.delete(r.id);
    return this.nextDue();
  }

  nextDue(): number | null {
    const times = [
      ...[...this.s.res.values()].filter((r) => r.state === "open").map((r) => r.expiresAt),
      ...[...this.s.pools.values()].filter((p) => p.state === "open" && p.expiresAt !== null).map((p) => p.expiresAt ?? 0),
    ];
    return times.length === 0 ? null : Math.min(...times);
  }

  /**
   * configure(): status, token and budget. A changed or revoked token closes every lease. How a lowered budget
   * shrinks leases is checked as properties by the test, which then adopts the resulting lease limits (`adoptLimits`).
   */
  configure(budget: number, token: string | null, status: AgentStatus): void {
    this.note(false);
    const changed = this.s.token !== null && this.s.token !== token;
    this.s.token = token;
    this.s.status = status;
    this.root().limit = budget;
    if (changed || status === "deleted") for (const lease of openChildren(this.s, ROOT)) this.close(lease, "revoked");
  }

  adoptLimits(real: LedgerState): void {
    for (const p of this.s.pools.values()) p.limit = real.pools.get(p.id)?.limit ?? p.limit;
  }
}
