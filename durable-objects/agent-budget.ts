import { DurableObject } from "cloudflare:workers";
import { configure } from "./budget/configure";
import { flushOutbox } from "./budget/flush";
import { leaseView, openLease, refreshLease, reportUsage, returnLease } from "./budget/leases";
import { outboxSize } from "./budget/outbox";
import { poolByToken } from "./budget/pools";
import { reserve } from "./budget/reserve";
import { BUDGET_DDL } from "./budget/schema";
import { readSettings } from "./budget/settings";
import { settle } from "./budget/settle";
import { snapshot } from "./budget/snapshot";
import { nextDue, sweep } from "./budget/sweep";
import type { BudgetConfig, BudgetSnapshot, LeaseResult, LeaseView, OpenLeaseInput, ReserveInput, ReserveResult, SettleInput, SettleResult } from "./budget/types";

const FLUSH_DELAY_MS = 250;
const RETRY_DELAY_MS = 5_000;

/**
 * One per agent (named by agent id): the consistent place for everything that must not lag — the live token
 * hash, the agent's status, limits and budget, its leases, and the ledger of reservations and settlements.
 * Every check-and-write runs inside `transactionSync`; an alarm expires stale reservations and leases and
 * delivers ledger rows to D1.
 */
export class AgentBudget extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private alarmAt: number | null | undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    for (const ddl of BUDGET_DDL) this.sql.exec(ddl);
  }

  private tx<T>(fn: () => T): T {
    return this.ctx.storage.transactionSync(fn);
  }

  async configure(config: BudgetConfig & { reservationTtlMs?: number }): Promise<BudgetSnapshot> {
    const result = this.tx(() => {
      configure(this.sql, config, Date.now());
      return snapshot(this.sql);
    });
    if (result === null) throw new Error("agent-budget: not configured after configure()");
    await this.wake();
    return result;
  }

  async reserve(input: ReserveInput): Promise<ReserveResult> {
    await this.ensureConfig(input.agentId);
    const result = this.tx(() => reserve(this.sql, input, Date.now()));
    if (result.ok) await this.wake();
    return result;
  }

  async settle(input: SettleInput): Promise<SettleResult> {
    const result = this.tx(() => settle(this.sql, input, Date.now()));
    await this.wake();
    return result;
  }

  async openLease(input: OpenLeaseInput): Promise<LeaseResult> {
    await this.ensureConfig(input.agentId);
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

  async snapshot(agentId: string): Promise<BudgetSnapshot | null> {
    await this.ensureConfig(agentId);
    return snapshot(this.sql);
  }

  /** Delivers queued ledger rows to D1 now (the alarm does this on its own shortly after each change). */
  async flush(): Promise<number> {
    let delivered = 0;
    for (let n = await flushOutbox(this.sql, this.env.DB, (fn) => this.tx(fn)); n > 0; n = await flushOutbox(this.sql, this.env.DB, (fn) => this.tx(fn))) {
      delivered += n;
    }
    return delivered;
  }

  override async alarm(): Promise<void> {
    this.alarmAt = null;
    const now = Date.now();
    this.tx(() => sweep(this.sql, now));
    try {
      await this.flush();
    } catch (error) {
      console.error(JSON.stringify({ event: "iron.ledger_flush_failed", agent_id: readSettings(this.sql)?.agentId ?? null, error: error instanceof Error ? error.name : "unknown" }));
      await this.schedule(Date.now() + RETRY_DELAY_MS);
    }
    await this.wake();
  }

  /** Makes sure the alarm fires when the next reservation or lease is due, and soon if rows await delivery. */
  private async wake(): Promise<void> {
    const due = nextDue(this.sql);
    const flushAt = outboxSize(this.sql) > 0 ? Date.now() + FLUSH_DELAY_MS : null;
    const at = due === null ? flushAt : flushAt === null ? due : Math.min(due, flushAt);
    if (at !== null) await this.schedule(at);
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
      `SELECT a.budget_micros, a.status, a.rpm_limit, a.tpm_limit, a.concurrency_limit, a.disconnect_policy, t.token_hash FROM agents a
       LEFT JOIN agent_tokens t ON t.agent_id = a.id AND t.revoked_at IS NULL
       WHERE a.id = ? ORDER BY t.created_at DESC LIMIT 1`,
    )
      .bind(agentId)
      .first<{ budget_micros: number; status: BudgetConfig["status"]; rpm_limit: number | null; tpm_limit: number | null; concurrency_limit: number | null; disconnect_policy: "drain" | "bill_reservation"; token_hash: string | null }>();
    if (row === null) return;
    const config: BudgetConfig = {
      agentId,
      budgetMicros: row.budget_micros,
      status: row.status,
      tokenHash: row.token_hash,
      limits: { requestsPerMinute: row.rpm_limit, tokensPerMinute: row.tpm_limit, concurrentRequests: row.concurrency_limit },
      disconnectPolicy: row.disconnect_policy,
    };
    this.tx(() => {
      if (readSettings(this.sql) === null) configure(this.sql, config, Date.now());
    });
  }
}
