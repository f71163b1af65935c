/**
 * False-positive guards shared by the secret detectors: placeholders, templated values, hash-shaped strings and an
 * entropy measure. Each guard is cheap and works on the candidate value only.
 */

const PLACEHOLDER_WORDS =
  /x{4,}|\*{3,}|#{4,}|\.{3}|\.\.$|…|example|sample|placeholder|dummy|fake|redacted|changeme|change_me|your[_-]?|<[^>]*>|\$\{|\{\{|%\(|\[[a-z0-9_ ]+\]|not[-_]?(?:a[-_]?)?real|insert|replace|todo|^(?:null|none|true|false|undefined|password|secret|token)$/i;
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
  return repetitive(value) || repeatedGroups(value);
}

/** The same group of 3+ characters three times in a row between `-` / `_` (`1234-1234-1234`), checked linearly. */
function repeatedGroups(value: string): boolean {
  if (!value.includes("-") && !value.includes("_")) return false;
  const groups = value.split(/[-_]/);
  for (let i = 2; i < groups.length; i++) {
    const g = groups[i] ?? "";
    if (g.length >= 3 && g === groups[i - 1] && g === groups[i - 2]) return true;
  }
  return false;
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

// Published example values that scanners see everywhere (vendor docs, SDK samples): not anyone's secret.
const KNOWN_EXAMPLES = new Set([
  "hal+9ooo_da!sY", // NuGet docs, ClearTextPassword
  "33f!!lloppa", // NuGet docs
  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", // AWS docs secret access key
  "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY", // AWS docs secret access key
  // Google API keys from public SDK samples and docs (gitleaks' allowlist).
  "AIzaSyabcdefghijklmnopqrstuvwxyz1234567", "AIzaSyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs", "AIzaSyCkEhVjf3pduRDt6d1yKOMitrUEke8agEM",
  "AIzaSyDMAScliyLx7F0NPDEJi1QmyCgHIAODrlU", "AIzaSyD3asb-2pEZVqMkmL6M9N6nHZRR_znhrh0", "AIzayDNSXIbFmlXbIE6mCzDLQAqITYefhixbX4A",
  "AIzaSyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c", "AIzaSyASWm6HmTMdYWpgMnjRBjxcQ9CKctWmLd4", "AIzaSyANUvH9H9BsUccjsu2pCmEkOPjjaXeDQgY",
  "AIzaSyA5_iVawFQ8ABuTZNUdcwERLJv_a_p4wtM", "AIzaSyA4UrcGxgwQFTfaI3no3t7Lt1sjmdnP5sQ", "AIzaSyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g",
  "AIzaSyBF2RrAIm4a0mO64EShQfqfd2AFnzAvvuU", "AIzaSyBcE-OOIbhjyR83gm4r2MFCu4MJmprNXsw", "AIzaSyB8qGxt4ec15vitgn44duC5ucxaOi4FmqE",
  "AIzaSyA8vmApnrHNFE0bApF4hoZ11srVL_n0nvY",
]);

/** True for a value published as an example (see `KNOWN_EXAMPLES`). */
export function isKnownExample(value: string): boolean {
  return KNOWN_EXAMPLES.has(value);
}
