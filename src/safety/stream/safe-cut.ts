/**
 * Where a streamed output may be released up to, before any detector has run (the adaptive part of the hold-back).
 *
 * The rule: a cut at `c` (release `window[0, c)`) is safe when
 *  1. `window[c - 1]` is whitespace, and the word just before it is "plain": lower-case letters with at most light
 *     punctuation around (`the`, `said,`, `(see`), or a short markdown marker (`-`, `**`, `#`). No detector's match
 *     contains a plain lower-case word followed by whitespace: secrets have no spaces (or are held by rules 2–3), emails,
 *     cards, phones, IBANs, SSNs and IPs contain digits, `@` or capitals, and person names / street addresses are
 *     capitalised. So a match still growing at the end of the window cannot reach back across such a cut.
 *  2. no cue of a whitespace-spanning match occurs in the `CAUTION_CHARS` before `c`: keyword-led secrets
 *     (`password = "correct horse battery"`), cue-led addresses (`lives at 5 rue de la paix`);
 *  3. no private-key block is open (a BEGIN marker without its END): the whole block is held.
 * The common case — prose — is released up to its last word boundary, so an ordinary stream is delayed by one word at
 * most. The fixed cap (`MAX_HOLD_CHARS`, in the scanner) bounds what rules 2–3 can hold.
 */
const CAUTION_CHARS = 128;
/** Cues of matches that can span whitespace; every one lower-case, searched in the lower-cased window. */
const CAUTION = /pass|pwd|secret|token|key|auth|cred|address|lives? at|lived at|located at|\bship|\bdeliver|meet me at|office is at|return to|sent to/;
const PLAIN = /^[("'`*]?[a-z]{1,24}[)"'`*.,;!?]{0,3}$|^[-–—*#>|]{1,3}$/;
const OPEN_KEY = /-----begin[ a-z0-9_-]{0,100}private key/g;
const WHITESPACE = /\s/;
/** How many candidate boundaries (from the end) are tried; bounds the cost of one call. */
const MAX_CANDIDATES = 8;

/** The largest safe cut in `(from, window.length]`, or `from` when there is none. */
export function safeCut(window: string, from: number): number {
  if (openPrivateKey(window)) return from;
  let tried = 0;
  for (let i = window.length - 1; i >= from && tried < MAX_CANDIDATES; i--) {
    if (!WHITESPACE.test(window.charAt(i))) continue;
    tried++;
    const cut = i + 1;
    if (plainWordBefore(window, i) && !CAUTION.test(window.slice(Math.max(0, cut - CAUTION_CHARS), cut).toLowerCase())) return cut;
  }
  return from;
}

/** The word ending just before the whitespace at `i` is plain (an empty word — two whitespaces — counts as plain). */
function plainWordBefore(window: string, i: number): boolean {
  let start = i;
  while (start > 0 && !WHITESPACE.test(window.charAt(start - 1))) start--;
  return start === i || PLAIN.test(window.slice(start, i));
}

function openPrivateKey(window: string): boolean {
  const lower = window.toLowerCase();
  let last = -1;
  for (const m of lower.matchAll(OPEN_KEY)) last = m.index;
  return last >= 0 && !lower.includes("-----end", last);
}
