import { bold, details, table, text, yellow } from "./format.js";
import { toYaml } from "./yaml.js";

export type OutputFormat = "table" | "json" | "yaml";

export interface RenderOptions {
  readonly output: OutputFormat;
  readonly quiet: boolean;
  readonly columns?: readonly string[];
  readonly rows?: string;
  readonly secretFields?: readonly string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** stdout text for an answer (empty for none); secrets get a warning on stderr, once, since they are never stored. */
export function render(value: unknown, opts: RenderOptions): string {
  const secrets = isRecord(value) ? (opts.secretFields ?? []).filter((f) => typeof value[f] === "string") : [];
  for (const f of secrets) {
    const warning = opts.quiet ? `warning: '${f}' is not shown with --quiet and cannot be shown again (use -o json to capture it).` : `warning: '${f}' is shown once and is not stored anywhere; save it now.`;
    process.stderr.write(yellow(warning) + "\n");
  }
  if (value === undefined) return "";
  if (opts.quiet) return quietText(value, opts);
  if (opts.output === "json") return JSON.stringify(value, null, 2);
  if (opts.output === "yaml") return toYaml(value);
  const rows = rowsOf(value, opts.rows);
  if (rows !== null) {
    if (rows.length === 0) return "(none)";
    const columns = opts.columns ?? Object.keys(rows[0] ?? {}).slice(0, 7);
    const rest = isRecord(value) ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== (opts.rows ?? "data") && k !== "pagination")) : {};
    const next = isRecord(value) && isRecord(value.pagination) && typeof value.pagination.next_cursor === "string" ? `\n(more: --cursor ${value.pagination.next_cursor} or --all)` : "";
    return (Object.keys(rest).length > 0 ? details(rest) + "\n\n" : "") + table(columns, rows) + next;
  }
  if (isRecord(value)) {
    const main = details(Object.fromEntries(Object.entries(value).filter(([k]) => !secrets.includes(k))));
    return main + secrets.map((f) => `\n\n${bold(f)}: ${text(value[f])}`).join("");
  }
  return text(value);
}

function rowsOf(value: unknown, key: string | undefined): Record<string, unknown>[] | null {
  const list = Array.isArray(value) ? value : isRecord(value) ? value[key ?? "data"] : undefined;
  return Array.isArray(list) && list.every(isRecord) ? list : null;
}

/** `--quiet`: ids only, one a line, for `xargs` and `$(…)`. */
function quietText(value: unknown, opts: RenderOptions): string {
  const rows = rowsOf(value, opts.rows);
  const idOf = (r: Record<string, unknown>): string => text(r.id ?? r.agent_id ?? r.key ?? r.seq);
  if (rows !== null) return rows.map(idOf).filter((s) => s !== "").join("\n");
  return isRecord(value) ? idOf(value) : text(value);
}
