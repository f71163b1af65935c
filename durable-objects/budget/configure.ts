import { closeLease, fitLeasesToBudget } from "./leases";
import { ensureRoot, openChildren, rootPool } from "./pools";
import { readSettings, rootLimit, writeSettings, type Timings } from "./settings";
import type { BudgetConfig } from "./types";

/**
 * Applies the control plane's view of the agent. A replaced or revoked agent token, or a deleted agent, closes
 * every lease it handed out; a lowered budget shrinks open leases so commitments fit the new budget.
 */
export function configure(sql: SqlStorage, config: BudgetConfig & Timings, now: number): void {
  const before = readSettings(sql);
  writeSettings(sql, config);
  const settings = readSettings(sql);
  if (settings === null) throw new Error("settings vanished after write");
  ensureRoot(sql, rootLimit(settings), now);
  const tokenChanged = before !== null && before.tokenHash !== null && before.tokenHash !== config.tokenHash;
  if (tokenChanged || config.status === "deleted") {
    const root = rootPool(sql);
    if (root !== null) for (const lease of openChildren(sql, root.id)) closeLease(sql, lease, "revoked", now);
  }
  fitLeasesToBudget(sql);
}
