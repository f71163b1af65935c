import type { NormalizedText } from "../types";

/**
 * One keyword prefilter shared by every secret rule and the cue-driven PII detectors. Each registers its keywords here
 * (a "gate"); the first to scan a `NormalizedText` runs a single Aho–Corasick pass over the text (and each decoded
 * span) that finds which gates' keywords occur, and every detector then looks its own flag up. Keywords are ASCII and matched case-insensitively. For an
 * anchored gate (its rule's matches always start at one of its keywords) the pass also records where each keyword
 * starts, so the rule can try its regex at those positions only instead of searching the whole text.
 */

interface Keyword {
  readonly gate: number;
  readonly length: number;
}
const keywords: Keyword[] = [];
const keywordText: string[] = [];
const anchoredGates: boolean[] = [];

/** Registers a rule's keywords and returns its gate id. */
export function registerGate(list: readonly string[], anchored = false): number {
  for (const k of list) {
    if (k.length === 0 || /[^\x20-\x7e]/.test(k) || k !== k.toLowerCase()) throw new Error(`gate keyword must be lower-case printable ASCII: ${k}`);
  }
  const gate = anchoredGates.length;
  anchoredGates.push(anchored);
  for (const k of list) {
    keywords.push({ gate, length: k.length });
    keywordText.push(k);
  }
  return gate;
}

interface Automaton {
  readonly gates: number;
  /** UTF-16 unit → character class (0 = a character no keyword contains); upper case folds onto lower case. */
  readonly classOf: Uint8Array;
  /**
   * DFA transitions by row offset: from the state whose row starts at `r`, class `c` leads to `next[r + c]`, itself a row
   * offset, bit-inverted (negative) when that state completes a keyword. Row offsets save a multiply per character and
   * the sign saves a lookup.
   */
  readonly next: Int32Array;
  /** Keyword ids completed on reaching a state, by the state's row offset / classes. */
  readonly outputs: readonly (readonly number[])[];
  readonly classes: number;
}

let automaton: Automaton | undefined;

function build(): Automaton {
  // Indexed by any UTF-16 unit (64 KiB) so the scan needs no "is it ASCII" branch; non-ASCII units stay class 0.
  const classOf = new Uint8Array(0x10000);
  let classes = 1;
  for (const k of keywordText) {
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      if (classOf[c] === 0) {
        classOf[c] = classes;
        if (c >= 97 && c <= 122) classOf[c - 32] = classes;
        classes++;
      }
    }
  }
  // Trie.
  const trie: number[][] = [[]];
  const out: Set<number>[] = [new Set()];
  keywordText.forEach((k, id) => {
    let s = 0;
    for (let i = 0; i < k.length; i++) {
      const cls = classOf[k.charCodeAt(i)] ?? 0;
      const row = trie[s] ?? [];
      let t = row[cls];
      if (t === undefined) {
        t = trie.length;
        row[cls] = t;
        trie.push([]);
        out.push(new Set());
      }
      s = t;
    }
    out[s]?.add(id);
  });
  // Breadth-first: failure links folded into a complete transition table.
  const states = trie.length;
  const next = new Int32Array(states * classes);
  const fail = new Int32Array(states);
  const queue: number[] = [];
  for (let c = 1; c < classes; c++) {
    const t = trie[0]?.[c];
    if (t !== undefined) {
      next[c] = t;
      queue.push(t);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q] ?? 0;
    const f = fail[s] ?? 0;
    for (const g of out[f] ?? []) out[s]?.add(g);
    for (let c = 1; c < classes; c++) {
      const t = trie[s]?.[c];
      if (t === undefined) {
        next[s * classes + c] = next[f * classes + c] ?? 0;
      } else {
        fail[t] = s === 0 ? 0 : (next[f * classes + c] ?? 0);
        next[s * classes + c] = t;
        queue.push(t);
      }
    }
  }
  const outputs = out.map((set) => [...set]);
  for (let k = 0; k < next.length; k++) {
    const t = next[k] ?? 0;
    next[k] = (outputs[t]?.length ?? 0) > 0 ? ~(t * classes) : t * classes;
  }
  return { gates: anchoredGates.length, classOf, classes, next, outputs };
}

export interface GateHits {
  /** One flag per gate id: one of its keywords occurs. */
  readonly flags: Uint8Array;
  /** For anchored gates that were hit: the start offsets of their keywords, ascending (a Map: few gates hit per text). */
  readonly starts: ReadonlyMap<number, readonly number[]>;
}

const NO_STARTS: ReadonlyMap<number, readonly number[]> = new Map();

/** Which gates' keywords occur in `text`, and where the anchored ones start. */
export function gateHits(text: string): GateHits {
  if (automaton === undefined || automaton.gates !== anchoredGates.length) automaton = build();
  const { classOf, classes, next, outputs } = automaton;
  const flags = new Uint8Array(automaton.gates);
  let starts: Map<number, number[]> | undefined;
  const n = text.length;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    r = next[r + (classOf[c] ?? 0)] ?? 0;
    if (r >= 0) continue;
    r = ~r;
    for (const id of outputs[r / classes] ?? []) {
      const k = keywords[id];
      if (k === undefined) continue;
      flags[k.gate] = 1;
      if (anchoredGates[k.gate] !== true) continue;
      starts ??= new Map();
      const list = starts.get(k.gate);
      if (list === undefined) starts.set(k.gate, [i + 1 - k.length]);
      else list.push(i + 1 - k.length);
    }
  }
  if (starts === undefined) return { flags, starts: NO_STARTS };
  // Keywords of one gate can end in a different order than they start (`name` inside `named`…): sort those lists.
  for (const list of starts.values()) if (list.length > 1) list.sort((a, b) => a - b);
  return { flags, starts };
}

export interface InputHits {
  /** Gates hit in the text or in any decoded span. */
  readonly any: Uint8Array;
  readonly text: GateHits;
  readonly decoded: readonly GateHits[];
}

// The pipeline runs every detector over one NormalizedText in turn, so the last input is the usual hit; the one before
// covers a caller that alternates between two. (A WeakMap would cover any order but costs the GC on every short text.)
let lastInput: NormalizedText | undefined;
let lastHits: InputHits | undefined;
let prevInput: NormalizedText | undefined;
let prevHits: InputHits | undefined;

/** Gate flags for the normalised text and each decoded span of `input`, computed once per input. */
export function inputHits(input: NormalizedText): InputHits {
  if (input === lastInput && lastHits !== undefined && lastHits.any.length === anchoredGates.length) return lastHits;
  if (input === prevInput && prevHits !== undefined && prevHits.any.length === anchoredGates.length) {
    [prevInput, prevHits, lastInput, lastHits] = [lastInput, lastHits, input, prevHits];
    return lastHits;
  }
  const text = gateHits(input.text);
  const decoded = input.decoded.map((d) => gateHits(d.text));
  let any = text.flags;
  if (decoded.length > 0) {
    any = text.flags.slice();
    for (const d of decoded) for (let g = 0; g < d.flags.length; g++) any[g] = (any[g] ?? 0) | (d.flags[g] ?? 0);
  }
  const hits: InputHits = { any, text, decoded };
  prevInput = lastInput;
  prevHits = lastHits;
  lastInput = input;
  lastHits = hits;
  return hits;
}

const NO_POSITIONS: readonly number[] = [];

/** Where an anchored gate's keywords start in the normalised text itself (not its decoded spans); empty when absent. */
export function keywordStarts(input: NormalizedText, gate: number): readonly number[] {
  const hits = inputHits(input).text;
  return hits.flags[gate] === 1 ? (hits.starts.get(gate) ?? NO_POSITIONS) : NO_POSITIONS;
}

/** Ascending, distinct positions `start − offset` for every keyword start and offset (the possible match starts). */
export function anchorPositions(starts: readonly number[], offsets: readonly number[], out: number[] = []): number[] {
  for (const s of starts) for (const o of offsets) if (s - o >= 0) out.push(s - o);
  out.sort((a, b) => a - b);
  let n = 0;
  for (const p of out) if (n === 0 || out[n - 1] !== p) out[n++] = p;
  out.length = n;
  return out;
}
