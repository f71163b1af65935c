import type { NormalizedText } from "../types";

/**
 * One keyword prefilter shared by every secret detector. Instead of the pipeline testing ~150 keywords with separate
 * `includes` calls (which dominated the scan on short texts), each secret detector registers its keywords here and
 * leaves `Detector.keywords` unset; the first detector to scan a `NormalizedText` runs a single Aho–Corasick pass over
 * the text (and each decoded span) that finds which detectors' keywords occur, and every detector then looks its own
 * flag up. Keywords are ASCII and matched case-insensitively, as with `includes` on the lower-cased text.
 */

const keywordLists: (readonly string[])[] = [];

/** Registers a detector's keywords and returns its gate id. */
export function registerGate(keywords: readonly string[]): number {
  for (const k of keywords) {
    if (k.length === 0 || /[^\x20-\x7e]/.test(k) || k !== k.toLowerCase()) throw new Error(`secret keyword must be lower-case printable ASCII: ${k}`);
  }
  keywordLists.push(keywords);
  return keywordLists.length - 1;
}

interface Automaton {
  readonly gates: number;
  /** ASCII code → character class (0 = a character no keyword contains); upper case folds onto lower case. */
  readonly classOf: Uint8Array;
  readonly classes: number;
  /** DFA transitions, `next[state * classes + class]`. */
  readonly next: Int32Array;
  /** Gate ids completed on reaching a state (through the failure links too); empty for most states. */
  readonly outputs: readonly (readonly number[])[];
  readonly hasOutput: Uint8Array;
}

let automaton: Automaton | undefined;

function build(): Automaton {
  const classOf = new Uint8Array(128);
  let classes = 1;
  for (const list of keywordLists) {
    for (const k of list) {
      for (let i = 0; i < k.length; i++) {
        const c = k.charCodeAt(i);
        if (classOf[c] === 0) {
          classOf[c] = classes;
          if (c >= 97 && c <= 122) classOf[c - 32] = classes;
          classes++;
        }
      }
    }
  }
  // Trie.
  const trie: number[][] = [[]];
  const out: Set<number>[] = [new Set()];
  keywordLists.forEach((list, gate) => {
    for (const k of list) {
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
      out[s]?.add(gate);
    }
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
  const hasOutput = Uint8Array.from(outputs, (o) => (o.length > 0 ? 1 : 0));
  return { gates: keywordLists.length, classOf, classes, next, outputs, hasOutput };
}

/** Which gates' keywords occur in `text`: one flag per gate id. */
export function gateHits(text: string): Uint8Array {
  if (automaton === undefined || automaton.gates !== keywordLists.length) automaton = build();
  const { classOf, classes, next, outputs, hasOutput } = automaton;
  const hits = new Uint8Array(automaton.gates);
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    s = next[s * classes + (c < 128 ? (classOf[c] ?? 0) : 0)] ?? 0;
    if (hasOutput[s] === 1) for (const g of outputs[s] ?? []) hits[g] = 1;
  }
  return hits;
}

export interface InputHits {
  /** Gates hit in the text or in any decoded span. */
  readonly any: Uint8Array;
  readonly text: Uint8Array;
  readonly decoded: readonly Uint8Array[];
}

// The pipeline runs every detector over one NormalizedText in turn, so the last input is the usual hit; the WeakMap
// covers callers that interleave inputs.
let lastInput: NormalizedText | undefined;
let lastHits: InputHits | undefined;
const cache = new WeakMap<NormalizedText, InputHits>();

/** Gate flags for the normalised text and each decoded span of `input`, computed once per input. */
export function inputHits(input: NormalizedText): InputHits {
  if (input === lastInput && lastHits !== undefined && lastHits.text.length === keywordLists.length) return lastHits;
  const cached = cache.get(input);
  if (cached !== undefined && cached.text.length === keywordLists.length) {
    lastInput = input;
    lastHits = cached;
    return cached;
  }
  const text = gateHits(input.text);
  const decoded = input.decoded.map((d) => gateHits(d.text));
  let any = text;
  if (decoded.length > 0) {
    any = text.slice();
    for (const d of decoded) for (let g = 0; g < d.length; g++) any[g] = (any[g] ?? 0) | (d[g] ?? 0);
  }
  const hits: InputHits = { any, text, decoded };
  cache.set(input, hits);
  lastInput = input;
  lastHits = hits;
  return hits;
}
