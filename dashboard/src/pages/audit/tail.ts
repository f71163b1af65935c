import type { AuditRecord } from "../../api/types";

/** Live tail: records arrive oldest first (after_seq); the table shows newest first, each seq once. */
export function mergeTail(shown: readonly AuditRecord[], arrived: readonly AuditRecord[], cap = 500): AuditRecord[] {
  const bySeq = new Map<number, AuditRecord>();
  for (const r of shown) bySeq.set(r.seq, r);
  for (const r of arrived) bySeq.set(r.seq, r);
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq).slice(0, cap);
}

/** The seq to poll after: the highest one seen (0 when none). */
export function lastSeq(records: readonly AuditRecord[]): number {
  return records.reduce((max, r) => Math.max(max, r.seq), 0);
}

/** "agent.create" → "agent create"; target as "agent agt_…". */
export function describeTarget(r: AuditRecord): string {
  if (r.target.type === null && r.target.id === null) return "—";
  return [r.target.type, r.target.id].filter(Boolean).join(" ");
}

/**
 * Which replies may still change the list. Every new list (a filter change, the first load) starts a generation:
 * the requests of the previous one are aborted and their replies, should any still arrive, are ignored — a slow
 * answer for an old filter never replaces the new list, and a tail poll started under it never merges into it.
 */
export interface Generations {
  /** Starts a new list: aborts and invalidates everything before. */
  next(): { readonly gen: number; readonly signal: AbortSignal };
  /** The current generation, for a request that adds to the list (older page, tail poll). */
  current(): { readonly gen: number; readonly signal: AbortSignal };
  isCurrent(gen: number): boolean;
}

export function createGenerations(): Generations {
  let gen = 0;
  let controller = new AbortController();
  return {
    next() {
      controller.abort();
      controller = new AbortController();
      gen += 1;
      return { gen, signal: controller.signal };
    },
    current: () => ({ gen, signal: controller.signal }),
    isCurrent: (g) => g === gen,
  };
}
