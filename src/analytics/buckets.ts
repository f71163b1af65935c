import { addSums, zeroSums, type UsageSums } from "./figures";
import { DAY_MS, floorDay, HOUR_MS, type Period } from "./period";
import type { Interval, UsageRow } from "./usage-query";

/** Charts stay a sensible size: 1000 points is six weeks of hours or nearly three years of days. */
export const MAX_BUCKETS = 1000;

export interface Bucket {
  /** Start of the bucket (a UTC hour or day); a day bucket may begin before a custom period does. */
  readonly startMs: number;
  /** The rollup key it collects: 'YYYY-MM-DDTHH' or 'YYYY-MM-DD'. */
  readonly key: string;
}

/** Every bucket from the period's start to its end, so empty hours and days appear as zeros. */
export function bucketsOf(period: Period & { fromMs: number }, interval: Interval): Bucket[] | null {
  const step = interval === "hour" ? HOUR_MS : DAY_MS;
  const first = interval === "hour" ? period.fromMs : floorDay(period.fromMs);
  if ((period.toMs - first) / step > MAX_BUCKETS) return null;
  const buckets: Bucket[] = [];
  for (let t = first; t < period.toMs; t += step) buckets.push({ startMs: t, key: new Date(t).toISOString().slice(0, interval === "hour" ? 13 : 10) });
  return buckets;
}

export interface Series {
  readonly key: string | null;
  readonly name: string | null;
  readonly totals: UsageSums;
  /** Aligned with the buckets. */
  readonly points: UsageSums[];
}

/** Rows (bucket × group) into one series per group with a point per bucket, dearest series first. */
export function seriesOf(rows: readonly UsageRow[], buckets: readonly Bucket[]): Series[] {
  const index = new Map(buckets.map((bucket, i) => [bucket.key, i]));
  const byKey = new Map<string | null, { key: string | null; name: string | null; totals: UsageSums; points: UsageSums[] }>();
  for (const row of rows) {
    const at = index.get(row.bucket ?? "");
    if (at === undefined) continue;
    let series = byKey.get(row.key);
    if (series === undefined) {
      series = { key: row.key, name: row.name, totals: zeroSums(), points: buckets.map(() => zeroSums()) };
      byKey.set(row.key, series);
    }
    series.name ??= row.name;
    addSums(series.totals, row);
    addSums(series.points[at] ?? zeroSums(), row);
  }
  return [...byKey.values()].sort((a, b) => b.totals.cost_micros - a.totals.cost_micros || b.totals.requests - a.totals.requests || (a.key ?? "").localeCompare(b.key ?? ""));
}
