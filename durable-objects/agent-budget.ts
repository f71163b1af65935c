import { DurableObject } from "cloudflare:workers";
import { readConfig, snapshotOf, writeConfig } from "./budget/ledger-store";
import { reserve } from "./budget/reserve";
import { BUDGET_DDL } from "./budget/schema";
import { settle } from "./budget/settle";
import type { BudgetConfig, BudgetSnapshot, ReserveInput, ReserveResult, SettleInput, SettleResult } from "./budget/types";

/**
 * One per agent (named by agent id). The consistent place for everything that must not lag:
 * the live token hash, the agent's status, its budget, and the ledger of reservations and settlements.
 * Every check-and-write runs inside `transactionSync`.
 */
export class AgentBudget extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    for (const ddl of BUDGET_DDL) this.sql.exec(ddl);
  }

  /** Sets the agent's budget, status and live token hash (pushed by the control plane). */
  configure(config: BudgetConfig): BudgetSnapshot {
    return this.ctx.storage.transactionSync(() => {
      writeConfig(this.sql, config);
      const row = readConfig(this.sql);
      if (row === null) throw new Error("agent-budget: config vanished after write");
      return snapshotOf(this.sql, row);
    });
  }

  async reserve(input: ReserveInput): Promise<ReserveResult> {
    await this.ensureConfig(input.agentId);
    return this.ctx.storage.transactionSync(() => reserve(this.sql, input));
  }

  settle(input: SettleInput): SettleResult {
    return this.ctx.storage.transactionSync(() => settle(this.sql, input));
  }

  async snapshot(agentId: string): Promise<BudgetSnapshot | null> {
    await this.ensureConfig(agentId);
    const row = readConfig(this.sql);
    return row === null ? null : snapshotOf(this.sql, row);
  }

  /** A budget object that was never configured (e.g. the push after an agent's creation was lost) loads from D1 once. */
  private async ensureConfig(agentId: string): Promise<void> {
    if (readConfig(this.sql) !== null) return;
    const row = await this.env.DB.prepare(
      `SELECT a.budget_micros, a.status, t.token_hash FROM agents a
       LEFT JOIN agent_tokens t ON t.agent_id = a.id AND t.revoked_at IS NULL
       WHERE a.id = ? ORDER BY t.created_at DESC LIMIT 1`,
    )
      .bind(agentId)
      .first<{ budget_micros: number; status: BudgetConfig["status"]; token_hash: string | null }>();
    if (row === null) return;
    this.ctx.storage.transactionSync(() => {
      if (readConfig(this.sql) === null) {
        writeConfig(this.sql, { agentId, budgetMicros: row.budget_micros, status: row.status, tokenHash: row.token_hash });
      }
    });
  }
}
