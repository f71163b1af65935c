/**
 * Money at the control API is a decimal USD string with 6 decimals ("12.500000"). It is parsed into integer
 * micro-dollars, never a float, so formatting and comparisons are exact.
 */
const USD_RE = /^(-?)(\d+)(?:\.(\d{1,6}))?$/;

export function usdToMicros(usd: string | number): number | null {
  const text = typeof usd === "number" ? usd.toFixed(6) : usd.trim();
  const m = USD_RE.exec(text);
  if (m === null) return null;
  const whole = Number(m[2]);
  const frac = Number((m[3] ?? "").padEnd(6, "0"));
  const micros = whole * 1_000_000 + frac;
  return m[1] === "-" ? -micros : micros;
}

export function microsToUsd(micros: number): string {
  const sign = micros < 0 ? "-" : "";
  const abs = Math.abs(Math.round(micros));
  return `${sign}${Math.floor(abs / 1_000_000)}.${String(abs % 1_000_000).padStart(6, "0")}`;
}

function group(whole: number, locale: string | undefined): string {
  return new Intl.NumberFormat(locale ?? "en-US", { maximumFractionDigits: 0, useGrouping: true }).format(whole);
}

/**
 * "$1,234.57" for amounts of a cent or more (rounded half up), every significant decimal below a cent
 * ("$0.000123") so a small spend never shows as $0.00, and "$0.00" for zero.
 */
export function formatUsd(value: string | number | null | undefined, locale?: string): string {
  if (value === null || value === undefined) return "—";
  const micros = usdToMicros(value);
  if (micros === null) return String(value);
  const sign = micros < 0 ? "-" : "";
  const abs = Math.abs(micros);
  if (abs !== 0 && abs < 10_000) {
    const frac = String(abs).padStart(6, "0").replace(/0+$/, "");
    return `${sign}$0.${frac.length < 2 ? frac.padEnd(2, "0") : frac}`;
  }
  const cents = Math.round(abs / 10_000);
  return `${sign}$${group(Math.floor(cents / 100), locale)}.${String(cents % 100).padStart(2, "0")}`;
}

/** Short form for chart axes: $0, $0.0005, $0.25, $12, $1.2K, $3.4M. */
export function formatUsdCompact(usd: number): string {
  const abs = Math.abs(usd);
  const sign = usd < 0 ? "-" : "";
  if (abs === 0) return "$0";
  if (abs >= 1_000_000) return `${sign}$${trim((abs / 1_000_000).toFixed(1))}M`;
  if (abs >= 1_000) return `${sign}$${trim((abs / 1_000).toFixed(1))}K`;
  if (abs >= 1) return `${sign}$${trim(abs.toFixed(2))}`;
  if (abs >= 0.01) return `${sign}$${trim(abs.toFixed(2))}`;
  return `${sign}$${trim(abs.toPrecision(2).replace(/e.*$/, ""))}`;
}

function trim(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

export type UsdInput = { ok: true; usd: string } | { ok: false; message: string };

/** What a person types into a money field ("$1,250.5", "0.25") → the API's decimal string, or why not. */
export function parseUsdInput(text: string): UsdInput {
  const cleaned = text.trim().replace(/^\$/, "").replace(/,/g, "").trim();
  if (cleaned === "") return { ok: false, message: "Enter an amount in US dollars." };
  if (cleaned.startsWith("-")) return { ok: false, message: "The amount cannot be negative." };
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(cleaned)) return { ok: false, message: "Use digits and at most one decimal point, e.g. 25 or 12.50." };
  const [whole = "0", frac = ""] = cleaned.split(".");
  if (frac.length > 6) return { ok: false, message: "At most 6 decimals (a micro-dollar)." };
  if (whole.replace(/^0+/, "").length > 12) return { ok: false, message: "The amount is too large." };
  const usd = `${whole === "" ? "0" : String(Number(whole))}.${frac.padEnd(6, "0")}`;
  return { ok: true, usd };
}

/**
 * An API amount as a person types it, exact to the micro-dollar with trailing zeros trimmed ("12.500000" → "12.5",
 * "5.000000" → "5", "0.001234" → "0.001234"): the default of an amount field, never rounded to cents.
 */
export function usdInputText(value: string): string {
  const micros = usdToMicros(value);
  return micros === null ? value : microsToUsd(micros).replace(/\.?0+$/, "");
}

/** Micro-dollars as a plain number of dollars, for charts (exact enough for drawing). */
export function usdNumber(value: string): number {
  return (usdToMicros(value) ?? 0) / 1_000_000;
}
