import { budgetStub } from "../services/agents/budget-stub";
import type { BudgetSnapshot } from "../../durable-objects/budget/types";
import { scopeCondition, type Scope } from "./scope";

export interface ScopedAgent {
  id: string;
  name: string;
  status: "active" | "suspended";
  owner_id: string | null;
  project_id: string | null;
  budget_micros: number;
  created_at: string;
}

/** Agents in scope that still have a budget (deleted ones are history only), by id, after `afterId`, at most `limit` (null = all). */
export async function scopedAgents(db: D1Database, scope: Scope, afterId: string | null, limit: number | null): Promise<ScopedAgent[]> {
  const where = scopeCondition(scope, "a.id");
  const result = await db
    .prepare(`SELECT a.id, a.name, a.status, a.owner_id, a.project_id, a.budget_micros, a.created_at FROM agents a
      WHERE a.status <> 'deleted' AND a.id > ? AND ${where.sql} ORDER BY a.id LIMIT ?`)
    .bind(afterId ?? "", ...where.params, limit ?? -1)
    .all<ScopedAgent>();
  return result.results;
}

/** How many budget objects are asked at once: their answers are quick, but a Worker holds only so many connections. */
const CONCURRENCY = 20;

/** Each agent's live budget snapshot from its Durable Object (the source of truth for spend), null if it has none. */
export async function snapshotsOf(env: Env, agentIds: readonly string[]): Promise<Map<string, BudgetSnapshot | null>> {
  const out = new Map<string, BudgetSnapshot | null>();
  for (let i = 0; i < agentIds.length; i += CONCURRENCY) {
    const chunk = agentIds.slice(i, i + CONCURRENCY);
    const snapshots = await Promise.all(chunk.map((id) => budgetStub(env, id).snapshot(id)));
    chunk.forEach((id, j) => out.set(id, snapshots[j] ?? null));
  }
  return out;
}

export interface BudgetFigures {
  budgetMicros: number;
  spentMicros: number;
  reservedMicros: number;
  leasedOutMicros: number;
  remainingMicros: number;
}

/**
 * Money of one agent, computed as the agent views do (`routes/agents/agent-json.ts`): the budget is the agent's own
 * (the D1 row; inside a project the object's root limit is the project slice), spent/reserved/leased out come from
 * its budget object, remaining = budget − spent − reserved − leased out, never below 0.
 */
export function budgetFigures(budgetMicros: number, snapshot: BudgetSnapshot | null): BudgetFigures {
  const spentMicros = snapshot?.spentMicros ?? 0;
  const reservedMicros = snapshot?.reservedMicros ?? 0;
  const leasedOutMicros = snapshot?.leasedOutMicros ?? 0;
  const remainingMicros = Math.max(0, budgetMicros - spentMicros - reservedMicros - leasedOutMicros);
  return { budgetMicros, spentMicros, reservedMicros, leasedOutMicros, remainingMicros };
}
