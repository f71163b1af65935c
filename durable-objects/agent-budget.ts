import { DurableObject } from "cloudflare:workers";
import { configure } from "./budget/configure";
import { setBudget } from "./budget/set-budget";
import { flushOutbox } from "./budget/flush";
import { leaseView, openLease, refreshLease, reportUsage, returnLease } from "./budget/leases";
import { lastOutboxSeq, outboxSize } from "./budget/outbox";
import { openLeases, poolByToken } from "./budget/pools";
import { growSlice, rootCommitted, shrinkSlice, sliceIdleWait, wantedMicros } from "./budget/project-slice";
import { reserve } from "./budget/reserve";
import { BUDGET_DDL } from "./budget/schema";
import { readSettings, type Timings } from "./budget/settings";
import { settle } from "./budget/settle";
import { snapshot } from "./budget/snapshot";
import { nextDue, sweep } from "./budget/sweep";
import type { BudgetConfig, BudgetSnapshot, LeaseResult, LeaseView, OpenLeaseInput, ReserveInput, ReserveResult, SettleInput, SettleResult } from "./budget/types";

const FLUSH_DELAY_MS = 250;
const FLUSH_BATCH = 100;
const RETRY_DELAY_MS = 5_000;
/** Project slices: ask for this many calls' worth at a time (an unused slice goes back after `sliceIdleMs` idle). */
const SLICE_AHEAD = 2;
const nullablePlus = (a: number, b: number | null): number | null => (b === null ? null : a + b);

/**
 * One per agent (named by agent id): the consistent place for everything that must not lag — the live token
 * hash, the agent's status, limits and budget, its leases, and the ledger of reservations and settlements.
 * Every check-and-write runs inside `transactionSync`; an alarm expires stale reservations and leases and
 * delivers ledger rows to D1.
 */
export class AgentBudget extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private alarmAt: number | null | undefined;
  /** D1 batches sent and rows delivered since this instance started (for the benchmark's writes-per-request figure). */
  private readonly delivery = { batches: 0, rows: 0 };
  /** The delivery in progress: one at a time (rows leave the outbox only after D1 accepted them). */
  private flushing: Promise<number> | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    for (const ddl of BUDGET_DDL) this.sql.exec(ddl);
  }

  private tx<T>(fn: () => T): T {
    return this.ctx.storage.transactionSync(fn);
  }

  async configure(config: BudgetConfig & Timings): Promise<BudgetSnapshot> {
    const result = this.tx(() => {
      configure(this.sql, config, Date.now());
      return snapshot(this.sql);
    });
    if (result === null) throw new Error("agent-budget: not configured after configure()");
    await this.wake();
    return result;
  }

  /** Compare-and-set of the budget alone (see budget/set-budget.ts); null when the budget was not `expectedMicros`. */
  async setBudget(agentId: string, expectedMicros: number, newMicros: number): Promise<BudgetSnapshot | null> {
    await this.ensureConfig(agentId);
    const result = this.tx(() => (setBudget(this.sql, expectedMicros, newMicros, Date.now()) ? snapshot(this.sql) : null));
    if (result !== null) await this.wake();
    return result;
  }

  async reserve(input: ReserveInput): Promise<ReserveResult> {
    await this.ensureConfig(input.agentId);
    if (input.spender.kind === "agent") await this.topUpFromProject(wantedMicros(input));
    const result = this.tx(() => reserve(this.sql, input, Date.now()));
    if (result.ok) await this.wake();
    return result;
  }

  async settle(input: SettleInput): Promise<SettleResult> {
    const result = this.tx(() => settle(this.sql, input, Date.now()));
    // A busy object may see its alarm late: deliver a full batch without waiting for it.
    if (this.flushing === null && outboxSize(this.sql) >= FLUSH_BATCH) this.ctx.waitUntil(this.flush().catch(() => 0));
    await this.wake();
    return result;
  }

  async openLease(input: OpenLeaseInput): Promise<LeaseResult> {
    await this.ensureConfig(input.agentId);
    if (input.spender.kind === "agent") await this.topUpFromProject(input.requestedMicros);
    const result = this.tx(() => openLease(this.sql, input, Date.now()));
    await this.wake();
    return result;
  }

  async refreshLease(leaseTokenHash: string, addMicros: number, ttlMs: number | null): Promise<LeaseResult> {
    const result = this.tx(() => refreshLease(this.sql, leaseTokenHash, addMicros, ttlMs, Date.now()));
    await this.wake();
    return result;
  }

  async reportUsage(leaseTokenHash: string, eventId: string, costMicros: number): Promise<LeaseResult & { duplicate?: boolean }> {
    const result = this.tx(() => reportUsage(this.sql, leaseTokenHash, eventId, costMicros, Date.now()));
    await this.wake();
    return result;
  }

  async returnLease(leaseTokenHash: string): Promise<LeaseResult & { returnedMicros?: number }> {
    const result = this.tx(() => returnLease(this.sql, leaseTokenHash, Date.now()));
    await this.wake();
    return result;
  }

  lease(leaseTokenHash: string): LeaseView | null {
    const pool = poolByToken(this.sql, leaseTokenHash);
    return pool === null ? null : leaseView(this.sql, pool);
  }

  /** The open leases (SDK runs, runtimes, nested runs), newest first, at most 100: what the control API lists. */
  async openLeases(agentId: string): Promise<LeaseView[]> {
    await this.ensureConfig(agentId);
    return openLeases(this.sql, 100).map((pool) => leaseView(this.sql, pool));
  }

  async snapshot(agentId: string): Promise<BudgetSnapshot | null> {
    await this.ensureConfig(agentId);
    return snapshot(this.sql);
  }

  /** Delivers queued ledger rows to D1 now (the alarm does this on its own shortly after each change). */
  async flush(): Promise<number> {
    while (this.flushing !== null) await this.flushing.catch(() => 0);
    this.flushing = this.deliver();
    try {
      return await this.flushing;
    } finally {
      this.flushing = null;
    }
  }

  /** Delivers what is queued now; rows queued meanwhile wait for the next flush (the alarm is set for them). */
  private async deliver(): Promise<number> {
    const upTo = lastOutboxSeq(this.sql);
    const send = (): Promise<number> => flushOutbox(this.sql, this.env.DB, (fn) => this.tx(fn), upTo);
    let delivered = 0;
    for (let n = await send(); n > 0; n = await send()) {
      delivered += n;
      this.delivery.batches += 1;
      this.delivery.rows += n;
    }
    return delivered;
  }

  deliveryStats(): { batches: number; rows: number } {
    return { ...this.delivery };
  }

  override async alarm(): Promise<void> {
    this.alarmAt = null;
    const now = Date.now();
    this.tx(() => sweep(this.sql, now));
    await this.releaseIdleSlice();
    try {
      await this.flush();
    } catch (error) {
      console.error(JSON.stringify({ event: "iron.ledger_flush_failed", agent_id: readSettings(this.sql)?.agentId ?? null, error: error instanceof Error ? error.name : "unknown" }));
      await this.schedule(Date.now() + RETRY_DELAY_MS);
    }
    await this.wake();
  }

  /**
   * Within a project: asks the project object for a larger slice when the agent's own budget allows more than its
   * slice does. The project records the grant before the slice grows here, so the project's sum always covers it.
   */
  private async topUpFromProject(wanted: number): Promise<void> {
    const settings = readSettings(this.sql);
    if (settings?.projectId == null || settings.projectSliceMicros >= settings.budgetMicros) return;
    const committed = rootCommitted(this.sql);
    // The slice still covers this call: no round trip to the project.
    if (settings.projectSliceMicros - committed >= wanted) return;
    const want = Math.min(wanted * SLICE_AHEAD, settings.budgetMicros - committed);
    if (want <= 0) return;
    const project = this.env.PROJECT_BUDGET.get(this.env.PROJECT_BUDGET.idFromName(settings.projectId));
    const slice = await project.grant(settings.agentId, committed, want);
    this.tx(() => { growSlice(this.sql, slice, Date.now()); });
  }

  /** Gives an idle agent's unused slice back to its project (shrunk here first, so nothing can spend it meanwhile). */
  private async releaseIdleSlice(): Promise<void> {
    const settings = readSettings(this.sql);
    if (settings?.projectId == null || sliceIdleWait(this.sql, Date.now()) !== 0) return;
    const committed = this.tx(() => shrinkSlice(this.sql, Date.now()));
    if (committed === null) return;
    await this.env.PROJECT_BUDGET.get(this.env.PROJECT_BUDGET.idFromName(settings.projectId)).release(settings.agentId, committed);
  }

  /** Makes sure the alarm fires when the next reservation or lease is due, soon if rows await delivery, and later to return an idle project slice. */
  private async wake(): Promise<void> {
    const now = Date.now();
    const settings = readSettings(this.sql);
    const candidates = [
      nextDue(this.sql),
      outboxSize(this.sql) > 0 ? now + FLUSH_DELAY_MS : null,
      settings?.projectId != null ? nullablePlus(now, sliceIdleWait(this.sql, now)) : null,
    ].filter((t): t is number => t !== null);
    if (candidates.length > 0) await this.schedule(Math.min(...candidates));
  }

  private async schedule(at: number): Promise<void> {
    if (this.alarmAt === undefined) this.alarmAt = await this.ctx.storage.getAlarm();
    if (this.alarmAt === null || at < this.alarmAt) {
      await this.ctx.storage.setAlarm(at);
      this.alarmAt = at;
    }
  }

  /** A budget object never configured (e.g. the push after an agent's creation was lost) loads from D1 once. */
  private async ensureConfig(agentId: string): Promise<void> {
    if (readSettings(this.sql) !== null) return;
    const row = await this.env.DB.prepare(
      `SELECT a.budget_micros, a.status, a.rpm_limit, a.tpm_limit, a.concurrency_limit, a.disconnect_policy, a.project_id, t.token_hash FROM agents a
       LEFT JOIN agent_tokens t ON t.agent_id = a.id AND t.revoked_at IS NULL
       WHERE a.id = ? ORDER BY t.created_at DESC LIMIT 1`,
    )
      .bind(agentId)
      .first<{ budget_micros: number; status: BudgetConfig["status"]; rpm_limit: number | null; tpm_limit: number | null; concurrency_limit: number | null; disconnect_policy: "drain" | "bill_reservation"; project_id: string | null; token_hash: string | null }>();
    if (row === null) return;
    const config: BudgetConfig = {
      agentId,
      budgetMicros: row.budget_micros,
      status: row.status,
      tokenHash: row.token_hash,
      limits: { requestsPerMinute: row.rpm_limit, tokensPerMinute: row.tpm_limit, concurrentRequests: row.concurrency_limit },
      disconnectPolicy: row.disconnect_policy,
      projectId: row.project_id,
    };
    this.tx(() => {
      if (readSettings(this.sql) === null) configure(this.sql, config, Date.now());
    });
  }
}
