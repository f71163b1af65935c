/** Whole numbers with grouping: 12,345. */
export function formatInt(n: number | null | undefined, locale?: string): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  return new Intl.NumberFormat(locale ?? "en-US", { maximumFractionDigits: 0 }).format(n);
}

/** Token counts: 950, 12.3K, 4.5M. */
export function formatTokens(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1).replace(/\.0$/, "")}M`;
  if (n >= 10_000) return `${(n / 1_000).toFixed(1).replace(/\.0$/, "")}K`;
  return formatInt(n);
}

/** Percent from a 0–100 figure (the API's percent_used) or a 0–1 ratio (success_rate). */
export function formatPercent(value: number | null | undefined, kind: "percent" | "ratio" = "percent"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const pct = kind === "ratio" ? value * 100 : value;
  if (pct !== 0 && Math.abs(pct) < 0.1) return pct > 0 ? "<0.1%" : ">-0.1%";
  return `${pct.toFixed(pct >= 10 || Number.isInteger(pct) ? 0 : 1)}%`;
}

/** Days left in a forecast: "12 days", "< 1 day", "no spend yet". */
export function formatDaysLeft(days: number | null | undefined): string {
  if (days === null || days === undefined) return "no recent spend";
  if (days < 1) return "< 1 day";
  if (days >= 3650) return "10+ years";
  const d = Math.round(days);
  return `${d} day${d === 1 ? "" : "s"}`;
}
