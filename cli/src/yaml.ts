/** A small YAML emitter for JSON values (the CLI only writes YAML; it never parses it). */
export function toYaml(value: unknown, indent = ""): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return value.map((v) => `${indent}- ${nested(v, indent + "  ").replace(/^\s+/, "")}`).join("\n");
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return entries.map(([k, v]) => `${indent}${key(k)}:${block(v) ? "\n" + toYaml(v, indent + "  ") : " " + scalar(v)}`).join("\n");
  }
  return scalar(value);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const block = (v: unknown): boolean => (Array.isArray(v) && v.length > 0) || (isObject(v) && Object.keys(v).length > 0);
const nested = (v: unknown, indent: string): string => (block(v) ? toYaml(v, indent) : scalar(v));
const key = (k: string): string => (/^[A-Za-z_][\w.-]*$/.test(k) ? k : JSON.stringify(k));

function scalar(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return "[]";
  if (isObject(v)) return "{}";
  if (typeof v !== "string") return typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v) ?? "null";
  // Quote anything YAML would read as another type or syntax; JSON strings are valid YAML double-quoted strings.
  return /^[A-Za-z_/](?:[\w ./@:-]*[\w./@:-])?$/.test(v) && !/^(true|false|null|yes|no|on|off|~)$/i.test(v) && !/: |:$| #/.test(v) ? v : JSON.stringify(v);
}
