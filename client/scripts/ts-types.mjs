// JSON Schema (the subset the control API's OpenAPI 3.1 document uses) → TypeScript type text.
// $ref → the component's type name; anyOf/oneOf → union; allOf → intersection; const/enum → literals;
// type arrays (["string","null"]) → unions; objects → property types (optional unless required), with the
// schema's description as JSDoc; additionalProperties without properties → Record<string, T>.

const IDENT = /^[A-Za-z_$][\w$]*$/;
const key = (k) => (IDENT.test(k) ? k : JSON.stringify(k));
const doc = (s, indent) => (s.description ? `${indent}/** ${s.description.replace(/\s+/g, " ").replace(/\*\//g, "*\\/")} */\n` : "");

function union(parts) {
  const unique = [...new Set(parts)];
  if (unique.includes("unknown")) return "unknown";
  return unique.length === 0 ? "never" : unique.join(" | ");
}
const wrap = (t) => (/[|&]/.test(t) && !/^\{[\s\S]*\}$/.test(t) ? `(${t})` : t);

/** The TypeScript type of a schema; `indent` is the indentation of the line the type starts on. */
export function typeOf(s, indent = "") {
  if (s === true || s === undefined || s === null) return "unknown";
  if (s === false) return "never";
  if (s.$ref) return s.$ref.split("/").pop();
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return union(s.enum.map((v) => JSON.stringify(v)));
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return union(variants.map((v) => typeOf(v, indent)));
  if (s.allOf) return s.allOf.map((v) => wrap(typeOf(v, indent))).join(" & ");
  if (Array.isArray(s.type)) return union(s.type.map((t) => typeOf({ ...s, type: t }, indent)));
  switch (s.type) {
    case "string":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "array":
      return `${wrap(typeOf(s.items, indent))}[]`;
    case "object":
      return objectType(s, indent);
    default:
      return s.properties ? objectType(s, indent) : "unknown";
  }
}

function objectType(s, indent) {
  const props = Object.entries(s.properties ?? {});
  const extra = s.additionalProperties;
  const extraType = extra === false ? "never" : extra === undefined || extra === true ? "unknown" : typeOf(extra, indent);
  if (props.length === 0) return `Record<string, ${extraType}>`;
  const inner = indent + "  ";
  const required = new Set(s.required ?? []);
  const lines = props.map(([name, p]) => `${doc(p, inner)}${inner}${key(name)}${required.has(name) ? "" : "?"}: ${typeOf(p, inner)};`);
  return `{\n${lines.join("\n")}\n${indent}}`;
}
