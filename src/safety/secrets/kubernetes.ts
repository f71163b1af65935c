import type { Detector } from "../types";
import { isPlaceholder } from "./guards";
import { gatedDetector, type Candidate } from "./rule";

// Tried only where the keyword pass found `kind:`; the `data:` / `stringData:` lines are looked for after that.
const SECRET_KIND = /kind:[ \t]*["']?Secret["']?[ \t]*\r?$/my;
const DATA_BLOCK = /^([ \t]*)(?:data|stringData):[ \t]*\r?$/my;
// One `name: value` line of the block; the value counts when it is a plain token of 8+ characters (base64 under `data`).
const ENTRY = /^([ \t]+)[\w.-]+:[ \t]*(.*?)[ \t]*\r?$/;
const VALUE = /^["']?([A-Za-z0-9+/=_.@:-]{8,})["']?$/;

const width = (indent: string): number => indent.replace(/\t/g, "  ").length;

/**
 * Values of a Kubernetes `kind: Secret` manifest (`data:` / `stringData:` entries): base64 is encoding, not encryption,
 * so a pasted manifest carries the credentials in clear. Empty values and templates (`{{ … }}`) are not findings.
 */
export const kubernetesSecretDetector: Detector = gatedDetector("kubernetes_secret", ["kind:"], (text, starts = []) => {
  if (!starts.some((p) => isSecretKind(text, p))) return [];
  const out: Candidate[] = [];
  for (const block of dataBlocks(text)) {
    const indent = width(block[1] ?? "");
    // Entries are the lines right after `data:` indented deeper than it; the block ends at the first other line.
    let pos = text.indexOf("\n", block.index) + 1;
    while (pos > 0 && pos < text.length) {
      const eol = text.indexOf("\n", pos);
      const line = text.slice(pos, eol === -1 ? text.length : eol);
      const entry = ENTRY.exec(line);
      if (entry === null || width(entry[1] ?? "") <= indent) break;
      const value = VALUE.exec(entry[2] ?? "")?.[1];
      if (value !== undefined && !isPlaceholder(value)) {
        const start = pos + line.indexOf(value, (entry[1] ?? "").length);
        out.push({ start, end: start + value.length, confidence: 0.8, label: "K8S_SECRET" });
      }
      pos = eol === -1 ? text.length : eol + 1;
    }
  }
  return out;
}, true);

/** `kind: Secret` on a line of its own (only indentation before it), at `p`. */
function isSecretKind(text: string, p: number): boolean {
  for (let i = p - 1; i >= 0 && text.charCodeAt(i) !== 10; i--) if (text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) return false;
  SECRET_KIND.lastIndex = p;
  return SECRET_KIND.test(text);
}

/** The `data:` / `stringData:` lines (with their indentation as group 1). */
function* dataBlocks(text: string): Generator<RegExpExecArray> {
  for (const word of ["data:", "stringData:"]) {
    for (let p = text.indexOf(word); p !== -1; p = text.indexOf(word, p + 1)) {
      let lineStart = p;
      while (lineStart > 0 && (text.charCodeAt(lineStart - 1) === 32 || text.charCodeAt(lineStart - 1) === 9)) lineStart--;
      if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) continue;
      DATA_BLOCK.lastIndex = lineStart;
      const m = DATA_BLOCK.exec(text);
      if (m !== null) yield m;
    }
  }
}
