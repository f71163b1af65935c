/**
 * Parses `<identifier><quote?><operator><quote?><value>` around a credential keyword, by hand rather than with one big
 * regex: the shapes vary (`key = "v"`, `key: v`, `"key": "v"`, `$key .= "v"`, `<key>v</key>`, `setProperty("KEY", "v")`,
 * `<add key="Password" value="v"/>`, `Authorization: Bearer v`) and a hand-written scan stays linear.
 */
export interface Assignment {
  /** The whole identifier around the keyword, e.g. `aws_secret_access_key`. */
  readonly identifier: string;
  readonly value: string;
  readonly valueStart: number;
  readonly quoted: boolean;
}

const IDENT = /[A-Za-z0-9_.-]/;
const CLOSERS = "\"'`]})>";
const OPERATORS = ":=?.!|,";
// Go / TypeScript declarations put a type between the name and the operator: `var fooToken string = "…"`.
const TYPE_WORD = /^\s+(?:string|str|String|const|final)\b/;
const QUOTES = "\"'`";
const VALUE_END = /[\s"'`;,(){}[\]<>&]/;
const VALUE_PREFIX = /^(?:\s+value\s*=\s*|bearer\s+|basic\s+|token\s+)/i;

/** Parses an assignment whose identifier contains the keyword at [kwStart, kwEnd). */
export function parseAssignment(text: string, kwStart: number, kwEnd: number): Assignment | undefined {
  let left = kwStart;
  while (left > 0 && kwStart - left < 40 && IDENT.test(text.charAt(left - 1))) left--;
  let i = kwEnd;
  while (i < text.length && i - kwEnd < 40 && IDENT.test(text.charAt(i))) i++;
  const identifier = text.slice(left, i);
  // Up to two closing quotes/brackets (`"key":`, `key"]`), then an operator run, allowing spaces and a newline.
  for (let n = 0; n < 2 && CLOSERS.includes(text.charAt(i)) && text.charAt(i) !== ""; n++) i++;
  const afterClose = i;
  const typeWord = TYPE_WORD.exec(text.slice(i, i + 12));
  if (typeWord) i += typeWord[0].length;
  const prefix = VALUE_PREFIX.exec(text.slice(i, i + 20));
  if (prefix && text.charAt(afterClose - 1) === '"') i += prefix[0].length;
  i = skipSpaces(text, i);
  const opStart = i;
  while (i < text.length && i - opStart < 4 && (OPERATORS.includes(text.charAt(i)) || (i > opStart && text.charAt(i) === ">"))) i++;
  if (i === opStart && text.charAt(afterClose - 1) !== ">" && !prefix) return undefined;
  i = skipSpaces(text, i);
  const auth = VALUE_PREFIX.exec(text.slice(i, i + 20));
  if (auth && !auth[0].includes("=")) i += auth[0].length;
  const quote = QUOTES.includes(text.charAt(i)) && text.charAt(i) !== "" ? text.charAt(i) : "";
  if (quote) i++;
  const valueStart = i;
  while (i < text.length && i - valueStart < 500) {
    const c = text.charAt(i);
    if (quote ? c === quote || c === "\n" : VALUE_END.test(c)) break;
    i++;
  }
  return { identifier, value: text.slice(valueStart, i), valueStart, quoted: quote !== "" };
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
