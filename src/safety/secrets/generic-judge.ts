import type { Assignment } from "./assignment";
import { entropy, isHashShaped, isKnownExample, isPlaceholder } from "./guards";

// Identifiers that merely mention a credential: `tokenName`, `passwordHash`, `secret_length`, `key_vault_name`.
const NOT_A_SECRET =
  /(?:name|id|ids|type|file|path|url|uri|len|length|size|count|field|prefix|suffix|format|header|param|env|var|hash|sha|digest|checksum|rev|version|expiry|expires|timeout|ttl|endpoint|mode|policy|store|vault|manager|provider|enabled|regex|pattern|rule|label|column|index|event|list|map|set|rate|input|prompt|stdin|hint|last4|fingerprint|change|reset)s?$/i;
// Keys that are not credentials (`public_key`, `foreignKey`, `schemaKey`) and deliberately wrong test values.
const NOT_A_SECRET_KEY =
  /(?:public|pub|foreign|primary|schema|bucket|partition|sort|cache|lookup|entry|hot|short|idx|natural|sequence)[_.-]?key|key[_.-]?(?:alias|board|code|frame|mesh|pair|press(?:ed)?|ring|selector|signature|stone|storetype|word|up|down|left|right)|public[_.-]?token|csrf|xsrf|withcredentials/i;
const DELIBERATELY_FAKE = /(?:non|not|in)[_-]?(?:valid|matching)|wrong|fake|dummy|mock|sample|example/i;
const STRONG = /secret|token|auth|cred|pass|api[_.-]?key/i;
const DOTTED_NAME = /^[A-Za-z_][\w-]*(?:\.[\w-]+)+$/;
// Three or more lower-case words joined by - or _ (`…-some-other-thing`, `max_retry_count`) read as a name or prose.
const SLUG = /(?:^|[-_])[a-z]{3,}[-_][a-z]{3,}[-_][a-z]{3,}(?:[-_]|$)/;
// Code references (`cfg.token`, `getToken()`, `$VAR`, `%VAR%`, `@var`) and YAML tags (`!vault`) when unquoted.
const REFERENCE = /^[A-Za-z_$][\w$]*(?:\.[\w$]+)+$|^[A-Za-z_]+$|[()]|^[$%@&!]/;
// camelCase / PascalCase names ending in a word (`utf8Length`, `Uint8Array`, `toBase64Url`): code, when unquoted.
const CODE_NAME = /^[a-z]+(?:[A-Z][a-z]+|\d{1,3})*[A-Z][a-z]+$|^(?:[A-Z][a-z]+|\d{1,3}){2,}$/;
// `sk-ant-api03-SECRET`, `token-HERE`: a shape followed by a word that says where the real value goes.
const NAMED_SLOT = /[-_.](?:SECRET|KEY|TOKEN|PASSWORD|PASS|HERE|VALUE|REDACTED)$/;
// An IPv4 address (with a port): a host, not a key.
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?$/;
// The next line's own assignment (`API_KEY=` then `DB_HOST=db` on the following line): the key was left empty.
const NEXT_ASSIGNMENT = /^(?:[A-Z][A-Z0-9_.]*|[a-z][a-z0-9_.]*)=/;
// Words and spaces only (`"whatever password"`, `"is wrong"`): prose or a test phrase, not a stored password.
const PROSE = /^[A-Za-z.,!?'-]+(?: [A-Za-z.,!?'-]+)+$/;

const alnumLower = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** A value that spells out its own identifier (`SN_id_Gost_KeyMeshing = "id-Gost-KeyMeshing"`) names a thing. */
function restatesIdentifier(identifier: string, value: string): boolean {
  const a = alnumLower(identifier);
  const b = alnumLower(value);
  return b.length >= 6 && a.length >= 6 && (a.includes(b) || b.includes(a));
}

/** Shapes that are code or documentation rather than an assigned credential. */
function notAValue(a: Assignment): boolean {
  const { value, quoted, operator } = a;
  if (operator.includes("==") || operator.startsWith("!") || operator === "|") return true; // comparison, regex alternation
  if (/^[,;)\]}]/.test(value)) return true; // the "opening" quote was a closing one: `f("Password: ", …)`
  if (isPlaceholder(value) || isKnownExample(value) || restatesIdentifier(a.identifier, value) || NAMED_SLOT.test(value)) return true;
  if (!quoted && (REFERENCE.test(value) || CODE_NAME.test(value) || value.endsWith(":") || NEXT_ASSIGNMENT.test(value))) return true;
  if (!quoted && a.followedBy === "(") return true; // a call: `? password : check(x)`, `= getToken()`
  if (IPV4.test(value)) return true;
  if (quoted && /^\$|\$\{|^%|\(\)/.test(value)) return true;
  // After a bare comma only `setProperty("KEY", "v")` or CSV `KEY,v,` count (not `f(token, "arg")`), and only a
  // random-looking value (not `{ apiKey, other }`).
  if (operator === ",") return (quoted && !a.keyQuoted) || value.length < 8 || !/\d/.test(value) || entropy(value) < 3;
  return false;
}

/** Confidence for a keyword-anchored value, or undefined when it does not look like a credential. */
export function judge(a: Assignment, password: boolean): number | undefined {
  const { identifier, value } = a;
  if (NOT_A_SECRET.test(identifier) || NOT_A_SECRET_KEY.test(identifier) || DELIBERATELY_FAKE.test(identifier)) return undefined;
  if (notAValue(a)) return undefined;
  const h = entropy(value);
  // Passwords: people pick low-entropy ones, but words joined by - or _ (`shorter-version`) or spaces read as prose.
  if (password) return value.length >= 6 && h >= 2.5 && !/^[a-z]+(?:[-_][a-z]+)+$/.test(value) && !PROSE.test(value) ? 0.7 : undefined;
  if (/\s/.test(value)) return undefined; // API keys and tokens have no spaces
  // Entropy threshold scales with length: a 16-digit id cannot reach 3 bits/char (8 distinct digits ≈ 2.9).
  if (value.length < 10 || h < Math.max(2.5, Math.min(3, 0.7 * Math.log2(value.length)))) return undefined;
  if (DOTTED_NAME.test(value) || SLUG.test(value)) return undefined;
  if (isHashShaped(value)) return STRONG.test(identifier) ? 0.5 : undefined;
  if (!/\d/.test(value) && !(value.length >= 24 && h >= 4)) return undefined;
  return Math.min(0.85, 0.55 + (h - 3) / 6);
}
