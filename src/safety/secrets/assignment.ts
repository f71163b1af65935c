/**
 * Parses `<identifier><quote?><operator><quote?><value>` around a credential keyword, by hand rather than with one big
 * regex: the shapes vary (`key = "v"`, `key: v`, `"key": "v"`, `\"key\": \"v\"` inside a JSON string, `$key .= "v"`,
 * `KEY += "v"`, `<key>v</key>`, `setProperty("KEY", "v")`, `<add key="Password" value="v"/>`, `Authorization: Bearer v`,
 * YAML block scalars `key: |` + an indented line) and a hand-written scan stays linear.
 */
export interface Assignment {
  /** The whole identifier around the keyword, e.g. `aws_secret_access_key`. */
  readonly identifier: string;
  readonly value: string;
  readonly valueStart: number;
  readonly quoted: boolean;
  /** An XML element body (`<key>v</key>`) rather than an operator assignment. */
  readonly element: boolean;
  /** The operator run between identifier and value (`=`, `:=`, `,`, `!==`, …), empty for elements and `value=` forms. */
  readonly operator: string;
  /** The identifier is a quoted string (`"KEY": …`, `setProperty("KEY", …)`). */
  readonly keyQuoted: boolean;
  /** The character right after the value (`(` after `getToken`, the closing quote, …), "" at the end. */
  readonly followedBy: string;
}

/** `[A-Za-z0-9_.-]` by char code. */
function isIdent(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
}
// Closing quotes/brackets after the identifier; a backslash is the escape of `\"key\"` inside a JSON string.
const CLOSERS = "\"'`]})>\\";
const OPERATORS = ":=?.!|,";
// Go / TypeScript declarations put a type between the name and the operator: `var fooToken string = "…"`.
const TYPE_WORD = /^\s+(?:string|str|String|const|final)\b/;
const QUOTES = "\"'`";
const VALUE_END = /[\s"'`;,(){}[\]<>&]/;

/** `VALUE_END` by char code for ASCII; other characters fall back to the regex (Unicode white space). */
function isValueEnd(c: number, ch: string): boolean {
  if (c < 128) {
    return c === 32 || (c >= 9 && c <= 13) || c === 34 || c === 39 || c === 96 || c === 59 || c === 44 || c === 40 || c === 41 ||
      c === 123 || c === 125 || c === 91 || c === 93 || c === 60 || c === 62 || c === 38;
  }
  return VALUE_END.test(ch);
}
const VALUE_PREFIX = /^(?:\s+value\s*=\s*|bearer\s+|basic\s+|token\s+)/i;
// A YAML block scalar header (`|`, `>-`, `|+`) ending its line: the value is the next, indented line.
const BLOCK_SCALAR = /^[|>][-+]?[ \t]*\r?\n[ \t]+/;

/** Parses an assignment whose identifier contains the keyword at [kwStart, kwEnd). */
export function parseAssignment(text: string, kwStart: number, kwEnd: number): Assignment | undefined {
  let left = kwStart;
  while (left > 0 && kwStart - left < 40 && isIdent(text.charCodeAt(left - 1))) left--;
  let i = kwEnd;
  while (i < text.length && i - kwEnd < 40 && isIdent(text.charCodeAt(i))) i++;
  const identifier = text.slice(left, i);
  // Up to three closing quotes/brackets (`"key":`, `key"]`, `\"key\":`), then an operator run, allowing spaces and a newline.
  for (let n = 0; n < 3 && CLOSERS.includes(text.charAt(i)) && text.charAt(i) !== ""; n++) i++;
  const afterClose = i;
  const keyQuoted = afterClose > left + identifier.length && /["'`]/.test(text.slice(left + identifier.length, afterClose));
  // `<key>v</key>` is an element only when the identifier opens a tag; `pIdxKey->x` is a C pointer, not XML.
  const element = text.charAt(afterClose - 1) === ">" && afterClose - 1 === left + identifier.length && text.charAt(left - 1) === "<";
  const typeWord = TYPE_WORD.exec(text.slice(i, i + 12));
  if (typeWord) i += typeWord[0].length;
  const prefix = VALUE_PREFIX.exec(text.slice(i, i + 20));
  if (prefix && text.charAt(afterClose - 1) === '"') i += prefix[0].length;
  i = skipSpaces(text, i);
  const opStart = i;
  if (text.charAt(i) === "+" && text.charAt(i + 1) === "=") i++; // Makefile `+=`
  while (i < text.length && i - opStart < 4 && (OPERATORS.includes(text.charAt(i)) || (i > opStart && text.charAt(i) === ">"))) i++;
  if (i === opStart && !element && !prefix) return undefined;
  const operator = text.slice(opStart, i);
  i = skipSpaces(text, i);
  const block = BLOCK_SCALAR.exec(text.slice(i, i + 40));
  if (block) i += block[0].length;
  const auth = VALUE_PREFIX.exec(text.slice(i, i + 20));
  if (auth && !auth[0].includes("=")) i += auth[0].length;
  // `\"value\"` inside a JSON string: the quote is escaped and so is the closing one.
  const escaped = text.charAt(i) === "\\" && QUOTES.includes(text.charAt(i + 1));
  if (escaped) i++;
  const quote = QUOTES.includes(text.charAt(i)) && text.charAt(i) !== "" ? text.charAt(i) : "";
  if (quote) i++;
  const valueStart = i;
  const quoteCode = quote === "" ? -1 : quote.charCodeAt(0);
  while (i < text.length && i - valueStart < 500) {
    const c = text.charCodeAt(i);
    if (quoteCode !== -1 ? c === quoteCode || c === 10 || (escaped && c === 92) : isValueEnd(c, text.charAt(i)) || escapeAt(text, i)) break;
    i++;
  }
  return { identifier, value: text.slice(valueStart, i), valueStart, quoted: quote !== "", element, operator, keyQuoted, followedBy: text.charAt(i) };
}

/** An unquoted value inside a JSON string ends at an escape: `KEY=v\nNEXT=…`, `KEY=v\"`. */
function escapeAt(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 92) return false;
  const next = text.charAt(i + 1);
  return next === "n" || next === "r" || next === "t" || next === '"' || next === "'";
}

/** Skips spaces and tabs, and at most one line break (XML element bodies, YAML values on the next line). */
function skipSpaces(text: string, i: number): number {
  let newlines = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === "\n" && newlines++ === 0) i++;
    else if (c === " " || c === "\t" || c === "\r") i++;
    else break;
  }
  return i;
}
