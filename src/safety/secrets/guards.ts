/**
 * False-positive guards shared by the secret detectors: placeholders, templated values, hash-shaped strings and an
 * entropy measure. Each guard is cheap and works on the candidate value only.
 */

const PLACEHOLDER_WORDS =
  /x{4,}|\*{3,}|\.{3}|…|example|sample|placeholder|dummy|fake|redacted|changeme|change_me|your[_-]?|<[^>]*>|\$\{|\{\{|%\(|\[[a-z_ ]+\]|insert|replace|todo|^(?:null|none|true|false|undefined|password|secret|token)$/i;
const HASH_SHAPES = [
  /^[0-9a-f]{32}$/i, // md5
  /^[0-9a-f]{40}$/i, // sha1 / git commit
  /^[0-9a-f]{64}$/i, // sha256
  /^[0-9a-f]{128}$/i, // sha512
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUID
];

const asciiCounts = new Int32Array(128);

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  if (s.length === 0) return 0;
  let other: Map<string, number> | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) asciiCounts[c] = (asciiCounts[c] ?? 0) + 1;
    else {
      // Non-ASCII: count whole code points, as iterating the string would.
      other ??= new Map();
      const ch = String.fromCodePoint(s.codePointAt(i) ?? c);
      other.set(ch, (other.get(ch) ?? 0) + 1);
      if (ch.length === 2) i++;
    }
  }
  const total = s.length; // UTF-16 length, as before (a surrogate pair is one symbol but two units)
  let h = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) continue;
    const n = asciiCounts[c] ?? 0;
    if (n === 0) continue;
    asciiCounts[c] = 0;
    const p = n / total;
    h -= p * Math.log2(p);
  }
  if (other !== undefined) {
    for (const n of other.values()) {
      const p = n / total;
      h -= p * Math.log2(p);
    }
  }
  return h;
}

/**
 * True for values people write instead of a real key: `xxxx`, `<your-key>`, `YOUR_API_KEY`, `EXAMPLE`, templates,
 * and bodies dominated by repeated or sequential characters (`aaaa…`, `1234567890…`, `abcdef…`).
 */
export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER_WORDS.test(value)) return true;
  return repetitive(value);
}

const seen = new Uint8Array(128);

/** Repeated or ascending/descending neighbours make up ≥ 40% of the body, or it uses very few distinct characters. */
function repetitive(value: string): boolean {
  // The body is the value's ASCII letters and digits; read in place rather than copied out.
  let length = 0;
  let runs = 0;
  let prev = -1;
  let distinct = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) continue;
    length++;
    if (prev !== -1) {
      const d = c - prev;
      if (d === 0 || d === 1 || d === -1) runs++;
    }
    prev = c;
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    if (seen[lower] === 0) {
      seen[lower] = 1;
      distinct++;
    }
  }
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 128) seen[c >= 65 && c <= 90 ? c + 32 : c] = 0;
  }
  if (length < 8) return false;
  return runs / (length - 1) >= 0.4 || distinct <= Math.min(5, length / 4);
}

/** Hex digests and UUIDs: identifiers, not credentials, unless a strong keyword says otherwise. */
export function isHashShaped(value: string): boolean {
  return HASH_SHAPES.some((re) => re.test(value));
}
