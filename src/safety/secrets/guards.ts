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

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
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

/** Repeated or ascending/descending neighbours make up ≥ 40% of the body, or it uses very few distinct characters. */
function repetitive(value: string): boolean {
  const body = value.replace(/[^A-Za-z0-9]/g, "");
  if (body.length < 8) return false;
  let runs = 0;
  for (let i = 1; i < body.length; i++) {
    const d = body.charCodeAt(i) - body.charCodeAt(i - 1);
    if (d === 0 || d === 1 || d === -1) runs++;
  }
  const distinct = new Set(body.toLowerCase()).size;
  return runs / (body.length - 1) >= 0.4 || distinct <= Math.min(5, body.length / 4);
}

/** Hex digests and UUIDs: identifiers, not credentials, unless a strong keyword says otherwise. */
export function isHashShaped(value: string): boolean {
  return HASH_SHAPES.some((re) => re.test(value));
}
