import { fitLeasesToBudget } from "./leases";
import { ensureRoot } from "./pools";
import { readSettings, rootLimit } from "./settings";

/**
 * Compare-and-set of the agent's budget alone: applied only when the current budget is `expectedMicros`, so two
 * control-plane changes racing on one agent cannot both apply, and nothing else (token, status, limits) is
 * overwritten with a stale copy. Returns false, changing nothing, when the budget was not the expected one.
 */
export function setBudget(sql: SqlStorage, expectedMicros: number, newMicros: number, now: number): boolean {
  const settings = readSettings(sql);
  if (settings === null || settings.budgetMicros !== expectedMicros) return false;
  sql.exec("UPDATE settings SET budget_micros = ? WHERE id = 1", newMicros);
  ensureRoot(sql, rootLimit({ ...settings, budgetMicros: newMicros }), now);
  fitLeasesToBudget(sql);
  return true;
}
