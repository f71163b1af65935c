import { DurableObject } from "cloudflare:workers";
import { PROJECT_DDL, grantSlice, projectSnapshot, releaseSlice, type ProjectSnapshot } from "./project/slices";

/**
 * One per project (named by project id). Lends slices of the project budget to its agents' budget objects,
 * which spend locally and come back only when their slice runs low — no per-request call to this object.
 */
export class ProjectBudget extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    for (const ddl of PROJECT_DDL) this.sql.exec(ddl);
  }

  configure(projectId: string, budgetMicros: number): ProjectSnapshot | null {
    return this.ctx.storage.transactionSync(() => {
      this.sql.exec(
        "INSERT INTO project (id, project_id, budget_micros) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET budget_micros = excluded.budget_micros",
        projectId,
        budgetMicros,
      );
      return projectSnapshot(this.sql);
    });
  }

  /**
   * Compare-and-set of the project's budget: applied only when it is still `expectedMicros` (or the object was never
   * configured), so two racing changes cannot both apply. Null, changing nothing, otherwise.
   */
  setBudget(projectId: string, expectedMicros: number, newMicros: number): ProjectSnapshot | null {
    return this.ctx.storage.transactionSync(() => {
      const current = this.sql.exec<{ budget_micros: number }>("SELECT budget_micros FROM project WHERE id = 1").toArray()[0];
      if (current !== undefined && current.budget_micros !== expectedMicros) return null;
      this.sql.exec(
        "INSERT INTO project (id, project_id, budget_micros) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET budget_micros = excluded.budget_micros",
        projectId,
        newMicros,
      );
      return projectSnapshot(this.sql);
    });
  }

  /** Grows an agent's slice towards `committed + want`; returns the agent's new slice total. */
  grant(agentId: string, committedMicros: number, wantMicros: number): number {
    return this.ctx.storage.transactionSync(() => grantSlice(this.sql, agentId, committedMicros, wantMicros, Date.now()));
  }

  release(agentId: string, committedMicros: number): number {
    return this.ctx.storage.transactionSync(() => releaseSlice(this.sql, agentId, committedMicros, Date.now()));
  }

  snapshot(): ProjectSnapshot | null {
    return projectSnapshot(this.sql);
  }
}
