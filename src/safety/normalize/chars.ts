/**
 * Character tables for normalisation: which code points are invisible (stripped) and which confusable letters fold to
 * ASCII. Kept as data so the tables can grow without touching the normaliser's offset bookkeeping.
 */

/** Zero-width, format and other invisible code points an attacker can sprinkle inside a key or keyword. */
export function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad || // soft hyphen
    cp === 0x034f || // combining grapheme joiner
    cp === 0x061c || // Arabic letter mark
    cp === 0x115f ||
    cp === 0x1160 || // Hangul fillers
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    cp === 0x180e || // Mongolian vowel separator
    (cp >= 0x200b && cp <= 0x200f) || // ZWSP, ZWNJ, ZWJ, LRM, RLM
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings / overrides
    (cp >= 0x2060 && cp <= 0x206f) || // word joiner, invisible operators, bidi isolates
    cp === 0x3164 || // Hangul filler
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    cp === 0xfeff || // BOM / ZWNBSP
    cp === 0xffa0 ||
    (cp >= 0x1bca0 && cp <= 0x1bca3) || // shorthand format controls
    (cp >= 0x1d173 && cp <= 0x1d17a) || // musical format controls
    (cp >= 0xe0000 && cp <= 0xe007f) || // tag characters ("ASCII smuggling")
    (cp >= 0xe0100 && cp <= 0xe01ef) // variation selectors supplement
  );
}

/**
 * Cyrillic / Greek letters that render like ASCII letters. NFKC leaves them alone (they are distinct letters), so a key
 * like `ѕk-…` with a Cyrillic dze would otherwise slip past every prefix rule.
 */
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  // Cyrillic lower case
  а: "a", в: "b", е: "e", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y", х: "x",
  і: "i", ј: "j", ѕ: "s", ԁ: "d", һ: "h", ԛ: "q", ԝ: "w", ӏ: "l", ɡ: "g", ү: "y", ѵ: "v",
  // Cyrillic upper case
  А: "A", В: "B", Е: "E", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", Х: "X", У: "Y",
  І: "I", Ј: "J", Ѕ: "S", Ԁ: "D", Һ: "H", Ԛ: "Q", Ԝ: "W", Ӏ: "I", Ү: "Y", Ѵ: "V",
  // Greek
  Α: "A", Β: "B", Ε: "E", Ζ: "Z", Η: "H", Ι: "I", Κ: "K", Μ: "M", Ν: "N", Ο: "O", Ρ: "P", Τ: "T", Υ: "Y", Χ: "X",
  ο: "o", ν: "v", ι: "i", κ: "k", α: "a", ρ: "p", τ: "t", υ: "u", χ: "x", ϲ: "c", ϳ: "j",
};

/** ASCII replacement for a confusable letter, or undefined. Every replacement is one UTF-16 unit, as is every key. */
export function foldHomoglyph(ch: string): string | undefined {
  return HOMOGLYPHS[ch];
}

// The same table by UTF-16 code unit: FOLD[c] = the ASCII code a confusable folds to, 0 for everything else.
const FOLD = new Uint8Array(0x10000);
for (const [from, to] of Object.entries(HOMOGLYPHS)) FOLD[from.charCodeAt(0)] = to.charCodeAt(0);

/** ASCII code of the letter a confusable code unit folds to, or 0 (the code-unit form of `foldHomoglyph`). */
export function foldHomoglyphUnit(c: number): number {
  return FOLD[c] ?? 0;
}
