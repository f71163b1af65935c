/**
 * Finds spans that look like encoded text (base64, hex, URL percent-encoding) and decodes them, so a key hidden as
 * `c2stcHJvai1…` is still scanned. Only decodings that yield mostly printable UTF-8 are kept: random key material
 * and hashes decode to binary and are dropped, which keeps the decoded list short on ordinary text.
 */
export interface EncodedSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly encoding: "base64" | "hex" | "url";
}

// Character classes of the base64 (A–Z a–z 0–9 + / _ -) and hex runs, found in one linear pass by char code.
const BASE64_CHAR = 1;
const HEX_CHAR = 2;
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9+/_-]/.test(ch)) CLASS[c] = BASE64_CHAR;
  if (/[0-9A-Fa-f]/.test(ch)) CLASS[c] = (CLASS[c] ?? 0) | HEX_CHAR;
}
const MIN_BASE64 = 20;
const MIN_HEX = 32;
const PERCENT = /%[0-9A-Fa-f]{2}/g;
const MAX_DECODED = 64;
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Encoded spans in `text`, offsets into `text`. Candidates are maximal runs of base64 characters (≥ 20, plus up to two
 * `=`) and maximal runs of hex digits (≥ 32); base64 candidates are decoded first, then hex, up to 64 spans in all.
 */
export function findEncodedSpans(text: string): EncodedSpan[] {
  const out: EncodedSpan[] = [];
  // [start, end) pairs; runs are rare in prose, so these stay empty on most texts.
  const base64: number[] = [];
  const hex: number[] = [];
  const n = text.length;
  // A run of ≥ MIN_BASE64 base64 characters that starts at or after `i` must cover position i + MIN_BASE64 − 1, so
  // only that position is probed: when it is not a base64 character the search jumps past it (most of the text is
  // skipped this way); when it is, the run around it is measured and the search goes on after its end. Hex digits are
  // base64 characters, so every hex run of ≥ MIN_HEX lies inside a base64 run and is looked for only there.
  let i = 0; // invariant: text[i − 1] is not a base64 character (or i = 0)
  while (i + MIN_BASE64 <= n) {
    const probe = i + MIN_BASE64 - 1;
    if (!isBase64Char(text.charCodeAt(probe))) {
      i = probe + 1;
      continue;
    }
    let s = probe;
    while (s > i && isBase64Char(text.charCodeAt(s - 1))) s--;
    let e = probe + 1;
    while (e < n && isBase64Char(text.charCodeAt(e))) e++;
    if (e - s >= MIN_BASE64) {
      let end = e;
      while (end < n && end - e < 2 && text.charCodeAt(end) === 61) end++; // "="
      base64.push(s, end);
      if (e - s >= MIN_HEX) hexRuns(text, s, e, hex);
    }
    i = e + 1;
  }
  for (let k = 0; k < base64.length && out.length < MAX_DECODED; k += 2) {
    const start = base64[k] ?? 0;
    const end = base64[k + 1] ?? 0;
    const decoded = decodeBase64(text.slice(start, end));
    if (decoded !== undefined) out.push({ text: decoded, start, end, encoding: "base64" });
  }
  for (let k = 0; k < hex.length && out.length < MAX_DECODED; k += 2) {
    const start = hex[k] ?? 0;
    const end = hex[k + 1] ?? 0;
    const decoded = decodeHex(text.slice(start, end));
    if (decoded !== undefined) out.push({ text: decoded, start, end, encoding: "hex" });
  }
  if (text.includes("%")) out.push(...findUrlEncoded(text).slice(0, Math.max(0, MAX_DECODED - out.length)));
  return out;
}

function isBase64Char(c: number): boolean {
  return c < 128 && ((CLASS[c] ?? 0) & BASE64_CHAR) !== 0;
}

/** Appends the maximal runs of ≥ MIN_HEX hex digits inside text[start, end) to `out` as [start, end) pairs. */
function hexRuns(text: string, start: number, end: number, out: number[]): void {
  let length = 0;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 0;
    if (c < 128 && ((CLASS[c] ?? 0) & HEX_CHAR) !== 0) length++;
    else {
      if (length >= MIN_HEX) out.push(i - length, i);
      length = 0;
    }
  }
}

function decodeBase64(run: string): string | undefined {
  if (!looksLikeEncodedText(run)) return undefined;
  let s = run.replace(/=+$/, "").replaceAll("-", "+").replaceAll("_", "/");
  if (s.length % 4 === 1) s = s.slice(0, -1);
  let binary: string;
  try {
    binary = atob(s + "=".repeat((4 - (s.length % 4)) % 4));
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return printableUtf8(bytes);
}

/**
 * Cheap pre-check before atob: in base64 of text, each 4-character group starts with the top 6 bits of a text byte.
 * ASCII 0x20–0x7e gives I–Z or a–f there; UTF-8 lead/continuation bytes give g–v, w–z, 0–9, +, /. Random key material
 * lands on A–H (control bytes) often, so requiring ≥ 80% of groups to start outside A–H rejects most keys early.
 */
function looksLikeEncodedText(run: string): boolean {
  let ok = 0;
  let groups = 0;
  for (let i = 0; i < run.length - 3; i += 4) {
    const c = run.charCodeAt(i);
    groups++;
    if (!(c >= 65 && c <= 72)) ok++;
  }
  return ok >= groups * 0.8;
}

function decodeHex(run: string): string | undefined {
  const n = run.length >> 1;
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = (nibble(run.charCodeAt(2 * i)) << 4) | nibble(run.charCodeAt(2 * i + 1));
  return printableUtf8(bytes);
}

/** Value of one hex digit (the caller only passes hex digits). */
function nibble(c: number): number {
  return c <= 57 ? c - 48 : (c | 32) - 87;
}

/** Decodes bytes as UTF-8 and keeps the result only if ≥ 95% of it is printable (tabs and newlines count). */
function printableUtf8(bytes: Uint8Array): string | undefined {
  // Byte-level rejection first: random key material has ~12% control bytes, so most candidates stop here, and plain
  // ASCII (the usual obfuscation) needs no UTF-8 decoder at all.
  let control = 0;
  let ascii = true;
  for (const b of bytes) {
    if ((b < 32 && b !== 9 && b !== 10 && b !== 13) || b === 127) control++;
    if (b >= 0x80) ascii = false;
  }
  if (control > bytes.length * 0.05) return undefined;
  if (ascii) return bytes.length >= 8 ? String.fromCharCode(...bytes) : undefined;
  if (!validUtf8(bytes)) return undefined;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  if (text.length < 8) return undefined;
  let printable = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || (c >= 32 && c !== 127 && (c < 0x80 || c >= 0xa0))) printable++;
  }
  return printable / text.length >= 0.95 ? text : undefined;
}

/** Whole whitespace/quote-delimited tokens containing %xx escapes, decoded. Merges escapes within one token. */
function findUrlEncoded(text: string): EncodedSpan[] {
  const out: EncodedSpan[] = [];
  let coveredTo = -1;
  for (const m of text.matchAll(PERCENT)) {
    if (m.index < coveredTo) continue;
    let start = m.index;
    while (start > 0 && !isDelimiter(text.charCodeAt(start - 1))) start--;
    let end = m.index + 3;
    while (end < text.length && !isDelimiter(text.charCodeAt(end))) end++;
    coveredTo = end;
    const token = text.slice(start, end);
    const decoded = percentDecode(token);
    if (decoded !== token) out.push({ text: decoded, start, end, encoding: "url" });
  }
  return out;
}

function isDelimiter(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 34 || c === 39 || c === 60 || c === 62;
}

/** decodeURIComponent, falling back to byte-per-escape decoding when the escapes are not valid UTF-8. */
function percentDecode(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token.replace(PERCENT, (e) => String.fromCharCode(parseInt(e.slice(1), 16)));
  }
}

/** UTF-8 structure check (lead byte, then the right number of continuation bytes); random bytes fail within a few. */
function validUtf8(bytes: Uint8Array): boolean {
  let need = 0;
  for (const b of bytes) {
    if (need > 0) {
      if ((b & 0xc0) !== 0x80) return false;
      need--;
    } else if (b >= 0x80) {
      if (b >= 0xc2 && b <= 0xdf) need = 1;
      else if (b >= 0xe0 && b <= 0xef) need = 2;
      else if (b >= 0xf0 && b <= 0xf4) need = 3;
      else return false;
    }
  }
  return need === 0;
}
