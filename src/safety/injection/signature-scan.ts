/**
 * Runs the signature rules of `signature-rules.ts` over a text with ONE shared keyword pass instead of a scan per rule:
 *
 *   1. The text is lower-cased once (`lowerSameLength`, memoised and shared with the classifier).
 *   2. One walk over its char codes finds every occurrence of every rule's gate literal: a 4096-entry table keyed by
 *      a hash of two consecutive code units says which gates can start there, and only those are compared.
 *   3. Each rule whose gate occurs (and one of whose `also` literals occurs, if it has any) runs its regex only over
 *      the regions around its gate hits (± `REACH` characters, widened to whitespace so word boundaries behave as in
 *      the whole text), never over the whole text.
 *
 * Every match of a rule contains one of its gate literals (the invariant of `Rule.gate`), and no match is longer than
 * `REACH`, so this finds the same matches as running each regex over the whole text.
 */
import { lowerSameLength } from "./features";
import { RULES, type InjectionFamily } from "./signature-rules";

export interface SignatureHit {
  readonly label: InjectionFamily;
  /** Offsets into the scanned (normalised) text. */
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
}

/** How far a match may reach before or after the gate literal it contains. */
const REACH = 320;
/** A line-start rule's role word sits at most this far after its newline (`[ \t]*(?:#{1,3}[ \t]*)?`). */
const LINE_REACH = 24;
const SLOT_MASK = 0xfff;

// Matching runs on the lower-cased text with case-sensitive copies of the rules (flag "g", no "i"/"u"): the
// case-insensitive Unicode mode makes V8 test every character against case-folding tables.
const LOWER_RULES: readonly RegExp[] = RULES.map((r) => new RegExp(lowerPattern(r.re.source), "g"));
const GATES: readonly string[] = [...new Set(RULES.flatMap((r) => [...r.gate, ...(r.also ?? [])]))];
const GATE_RULES: readonly number[][] = GATES.map((g) => RULES.flatMap((r, i) => (r.gate.includes(g) ? [i] : [])));
const ALSO_RULES: readonly number[][] = GATES.map((g) => RULES.flatMap((r, i) => (r.also?.includes(g) === true ? [i] : [])));
// Pair table: entry k+1 = index into PAIR_GATES of the gates whose first two code units hash to the slot, 0 = none.
const PAIR_TABLE = new Uint16Array(SLOT_MASK + 1);
const PAIR_GATES: number[][] = [];
for (let g = 0; g < GATES.length; g++) {
  const gate = GATES[g] ?? "";
  if (gate.length < 2) throw new Error(`injection signature gate "${gate}" must be at least two characters`);
  const slot = pairSlot(gate.charCodeAt(0), gate.charCodeAt(1));
  if ((PAIR_TABLE[slot] ?? 0) === 0) PAIR_TABLE[slot] = PAIR_GATES.push([]);
  PAIR_GATES[(PAIR_TABLE[slot] ?? 1) - 1]?.push(g);
}
// Third code unit of each gate (-1 for two-unit gates): a cheap test before the full comparison.
const THIRD = Int32Array.from(GATES, (g) => (g.length > 2 ? g.charCodeAt(2) : -1));

function pairSlot(c0: number, c1: number): number {
  return (Math.imul(c0, 0x9e37) + c1) & SLOT_MASK;
}

/** Every signature match in `text` (normalised text, or a decoded span), in order of start offset. */
export function signatureLabels(text: string): SignatureHit[] {
  const lower = lowerSameLength(text);
  const hits: SignatureHit[] = [];
  const { perRule, also } = gateHits(lower);
  for (let r = 0; r < perRule.length; r++) {
    const positions = perRule[r];
    const rule = RULES[r];
    const re = LOWER_RULES[r];
    if (positions === undefined || positions.length === 0 || rule === undefined || re === undefined) continue;
    if (rule.also !== undefined && also[r] !== true) continue;
    let covered = -1; // a hit whose whole reach lies inside the last region adds nothing
    let lastEnd = -1; // non-overlapping matches per rule, as one global scan of the whole text would report them
    for (let h = 0; h < positions.length; h++) {
      const p = positions[h] ?? 0;
      if (p <= covered) continue;
      const start = rule.lineStart === true ? lineStart(lower, p) : backToSpace(lower, p - REACH);
      if (start < 0) continue;
      let end = forwardToSpace(lower, p + REACH);
      // Extend over the later hits the region already reaches, so one regex run covers a cluster of hits.
      while (h + 1 < positions.length && (positions[h + 1] ?? 0) < end - REACH / 2) end = forwardToSpace(lower, (positions[++h] ?? 0) + REACH);
      covered = end - REACH;
      const slice = start === 0 && end >= lower.length ? lower : lower.slice(start, end);
      re.lastIndex = 0;
      for (const m of slice.matchAll(re)) {
        const s = start + m.index;
        if (s < lastEnd) continue;
        lastEnd = s + m[0].length;
        hits.push({ label: rule.label, start: s, end: lastEnd, confidence: rule.confidence });
      }
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Start offsets of gate occurrences per rule (ascending), and which rules' `also` literals occur. One pass. */
function gateHits(lower: string): { perRule: number[][]; also: boolean[] } {
  const perRule: number[][] = [];
  const also: boolean[] = [];
  const record = (g: number, i: number): void => {
    for (const r of GATE_RULES[g] ?? []) {
      const list = (perRule[r] ??= []);
      if (list[list.length - 1] !== i) list.push(i);
    }
    for (const r of ALSO_RULES[g] ?? []) also[r] = true;
  };
  const n = lower.length;
  let c0 = n > 0 ? lower.charCodeAt(0) : 0;
  for (let i = 0; i + 1 < n; i++) {
    const c1 = lower.charCodeAt(i + 1);
    const entry = PAIR_TABLE[pairSlot(c0, c1)] ?? 0;
    c0 = c1;
    if (entry === 0) continue;
    const c2 = i + 2 < n ? lower.charCodeAt(i + 2) : -1;
    for (const g of PAIR_GATES[entry - 1] ?? []) {
      const third = THIRD[g] ?? -1;
      if ((third < 0 || third === c2) && lower.startsWith(GATES[g] ?? "", i)) record(g, i);
    }
  }
  return { perRule, also };
}

/** The newline (or text start) a line-start rule's match can begin at, -1 if there is none within reach. */
function lineStart(lower: string, p: number): number {
  for (let i = p - 1; i >= 0 && i >= p - LINE_REACH; i--) if (lower.charCodeAt(i) === 10) return i;
  return p <= LINE_REACH ? 0 : -1;
}

function backToSpace(lower: string, from: number): number {
  if (from <= 0) return 0;
  for (let i = from, stop = Math.max(0, from - 64); i > stop; i--) if (isSpace(lower.charCodeAt(i))) return i;
  return Math.max(0, from - 64);
}

function forwardToSpace(lower: string, from: number): number {
  const n = lower.length;
  if (from >= n) return n;
  for (let i = from, stop = Math.min(n, from + 64); i < stop; i++) if (isSpace(lower.charCodeAt(i))) return i + 1;
  return Math.min(n, from + 64);
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Lower-cases a pattern's literals, leaving escapes (`\S`, `\W`, `\B`, `\D`) as they are. */
function lowerPattern(source: string): string {
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const ch = source.charAt(i);
    if (ch === "\\") {
      out += ch + source.charAt(i + 1);
      i++;
    } else out += ch.toLowerCase();
  }
  return out;
}
