/** Colour only on a TTY, and never with NO_COLOR (https://no-color.org) or --no-color. */
export const colour = { enabled: false };
const sgr = (code: string) => (s: string): string => (colour.enabled ? `\x1b[${code}m${s}\x1b[0m` : s);
export const bold = sgr("1");
export const dim = sgr("2");
export const red = sgr("31");
export const green = sgr("32");
export const yellow = sgr("33");
export const cyan = sgr("36");

/** `$1,234.50`; sub-cent amounts keep their digits (`$0.000150`) so small calls do not show as zero. */
export function money(value: unknown): string {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  if (!Number.isFinite(n)) return text(value);
  const abs = Math.abs(n);
  const digits = abs !== 0 && abs < 0.01 ? 6 : 2;
  return `${n < 0 ? "-" : ""}$${abs.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/** Percentages arrive as 0–100 (`percent_used`) or as ratios 0–1 (`success_rate`). */
export function percent(value: unknown, ratio: boolean): string {
  if (typeof value !== "number") return text(value);
  return `${(ratio ? value * 100 : value).toFixed(1)}%`;
}

const STATUS_COLOURS: Record<string, (s: string) => string> = {
  active: green, ok: green, approved: green, enabled: green, success: green,
  suspended: yellow, pending: yellow, disabled: yellow, warning: yellow, denied: red, failed: red, rejected: red,
  revoked: red, error: red, critical: red, exceeded: red, deleted: dim, cancelled: dim,
};

/** Any JSON value as text: objects as compact JSON, never `[object Object]`. */
export function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return value.toString();
  return "";
}

/** One cell: money, percentages, times and statuses formatted by field name; nested values as compact JSON. */
export function cell(key: string, value: unknown): string {
  if (value === null || value === undefined) return dim("–");
  if (key.endsWith("_usd")) return money(value);
  if (key === "percent_used" || key.endsWith("_pct") || key.endsWith("_percent")) return percent(value, false);
  if (key.endsWith("_rate")) return percent(value, true);
  const shown = text(value);
  if (key === "status" || key === "outcome" || key === "risk_level") return (STATUS_COLOURS[shown] ?? ((s: string) => s))(shown);
  return shown;
}

const visibleLength = (s: string): number => s.replace(/\x1b\[[0-9;]*m/g, "").length;
const pad = (s: string, width: number): string => s + " ".repeat(Math.max(0, width - visibleLength(s)));

/** Aligned columns with a bold header. */
export function table(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const cells = rows.map((row) => columns.map((c) => cell(c, pick(row, c))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => visibleLength(r[i] ?? ""))));
  const line = (parts: string[]): string => parts.map((p, i) => (i === parts.length - 1 ? p : pad(p, widths[i] ?? 0))).join("  ").trimEnd();
  return [bold(line(columns.map((c) => c.toUpperCase()))), ...cells.map(line)].join("\n");
}

/** A field, or a dotted path into nested objects (`actor.id`). */
export function pick(row: Record<string, unknown>, path: string): unknown {
  let value: unknown = row;
  for (const part of path.split(".")) value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

/** One object as `key  value` lines. */
export function details(obj: Record<string, unknown>): string {
  const keys = Object.keys(obj);
  const width = Math.max(0, ...keys.map((k) => k.length));
  return keys.map((k) => `${bold(pad(k, width))}  ${cell(k, obj[k])}`).join("\n");
}
