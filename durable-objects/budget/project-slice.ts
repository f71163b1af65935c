import { outputMicros } from "./clamp";
import { ensureRoot, leasedOut, rootPool } from "./pools";
import { readSettings, rootLimit, setProjectSlice } from "./settings";
import type { ReserveInput } from "./types";

/** What the agent has committed against its slice: spent + reserved + leased out. */
export function rootCommitted(sql: SqlStorage): number {
  const root = rootPool(sql);
  return root === null ? 0 : root.spentMicros + root.reservedMicros + leasedOut(sql, root.id);
}

/** The cost of a call at the completion bound it asked for: what the slice must cover for it to go ahead unclamped. */
export function wantedMicros(input: Pick<ReserveInput, "inputMicros" | "requestedMaxTokens" | "modelMaxTokens" | "outputMicrosPerMillion">): number {
  return input.inputMicros + outputMicros(input.requestedMaxTokens ?? input.modelMaxTokens, input.outputMicrosPerMillion);
}

/** Applies a slice total from the project object (slices only grow here; shrinking goes through `shrinkSlice`). */
export function growSlice(sql: SqlStorage, sliceMicros: number, now: number): void {
  const settings = readSettings(sql);
  if (settings === null || sliceMicros <= settings.projectSliceMicros) return;
  setProjectSlice(sql, sliceMicros);
  ensureRoot(sql, rootLimit({ ...settings, projectSliceMicros: sliceMicros }), now);
}

/** Shrinks the slice to what is committed, before telling the project: no new spend can use what is given back. */
export function shrinkSlice(sql: SqlStorage, now: number): number | null {
  const settings = readSettings(sql);
  if (settings === null || settings.projectId === null) return null;
  const committed = rootCommitted(sql);
  if (committed >= settings.projectSliceMicros) return null;
  setProjectSlice(sql, committed);
  ensureRoot(sql, rootLimit({ ...settings, projectSliceMicros: committed }), now);
  return committed;
}

/** Milliseconds until the agent has been idle long enough to return its slice (0 = now), or null when it has nothing to return. */
export function sliceIdleWait(sql: SqlStorage, now: number): number | null {
  const settings = readSettings(sql);
  if (settings === null || settings.projectId === null || settings.projectSliceMicros <= rootCommitted(sql)) return null;
  const last = sql.exec<{ t: number | null; open: number }>("SELECT MAX(created_at) AS t, SUM(state = 'open') AS open FROM reservations").one();
  if (last.open > 0) return settings.sliceIdleMs;
  return Math.max(0, (last.t ?? 0) + settings.sliceIdleMs - now);
}
