/** Dates from the API are ISO-8601 UTC; shown in the reader's locale and time zone unless told otherwise. */
export interface DateOptions {
  readonly locale?: string;
  readonly timeZone?: string;
}

function valid(iso: string | null | undefined): Date | null {
  if (iso === null || iso === undefined || iso === "") return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "Nov 25, 2026, 14:03" */
export function formatDateTime(iso: string | null | undefined, o: DateOptions = {}): string {
  const d = valid(iso);
  if (d === null) return "—";
  return new Intl.DateTimeFormat(o.locale, { dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZone: o.timeZone }).format(d);
}

/** "Nov 25, 2026" */
export function formatDate(iso: string | null | undefined, o: DateOptions = {}): string {
  const d = valid(iso);
  if (d === null) return "—";
  return new Intl.DateTimeFormat(o.locale, { dateStyle: "medium", timeZone: o.timeZone }).format(d);
}

/** Axis labels: "14:00" for hourly buckets, "Nov 25" for daily ones. */
export function formatBucket(ms: number, interval: "hour" | "day", o: DateOptions = {}): string {
  const d = new Date(ms);
  if (interval === "hour") return new Intl.DateTimeFormat(o.locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: o.timeZone }).format(d);
  return new Intl.DateTimeFormat(o.locale, { month: "short", day: "numeric", timeZone: o.timeZone }).format(d);
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "3 minutes ago", "in 2 days", "just now". */
export function formatRelative(iso: string | null | undefined, now: number = Date.now(), locale?: string): string {
  const d = valid(iso);
  if (d === null) return "—";
  const diff = d.getTime() - now;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return rtf.format(Math.trunc(diff / ms), unit);
  }
  return "just now";
}

/** "850 ms", "1.2 s", "3 min 5 s". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** An ISO string for an input of type datetime-local ("2026-11-25T14:03") read as local time, or null. */
export function localInputToIso(value: string): string | null {
  if (value === "") return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
