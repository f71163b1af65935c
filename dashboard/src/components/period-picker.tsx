import type { Period } from "../api/types";
import { localInputToIso } from "../format/dates";
import { Empty } from "./feedback";
import { SelectField, TextField } from "./field";

/** The analytics period: a named UTC period, or custom from/to (local date-times, sent as ISO-8601). */
export interface PeriodValue {
  readonly period: Period;
  readonly from: string;
  readonly to: string;
}

export const PERIODS: readonly (readonly [Period, string])[] = [
  ["today", "Today (UTC)"],
  ["yesterday", "Yesterday (UTC)"],
  ["last-7-days", "Last 7 days"],
  ["last-30-days", "Last 30 days"],
  ["all-time", "All time"],
  ["custom", "Custom…"],
];

export function isPeriod(value: string | null): value is Period {
  return PERIODS.some(([p]) => p === value);
}

/** The query of an analytics call, or a problem to show instead of calling. */
export interface PeriodQuery {
  readonly period: Period;
  readonly from?: string;
  readonly to?: string;
}

export function periodQuery(v: PeriodValue): { query: PeriodQuery } | { problem: string } {
  if (v.period !== "custom") return { query: { period: v.period } };
  const from = localInputToIso(v.from);
  const to = localInputToIso(v.to);
  if (from === null || to === null) return { problem: "Pick both a start and an end for a custom period." };
  if (Date.parse(to) <= Date.parse(from)) return { problem: "The end must be after the start." };
  if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) return { problem: "A custom period is at most 366 days." };
  return { query: { period: "custom", from, to } };
}

/**
 * An analytics load for the period: null, without calling, while a custom period is not valid yet — the picker
 * says what is wrong, once, instead of every chart and card repeating it as an error.
 */
export function forPeriod<T>(pq: { query: PeriodQuery } | { problem: string }, load: (query: PeriodQuery) => Promise<T>): Promise<T | null> {
  return "problem" in pq ? Promise.resolve(null) : load(pq.query);
}

/** What a chart or table shows while the custom period is incomplete or wrong (the picker says why). */
export function NoPeriod() {
  return <Empty>Pick a valid period.</Empty>;
}

/** Hourly buckets for a day or less, daily ones beyond. */
export function intervalFor(v: PeriodValue): "hour" | "day" {
  if (v.period === "today" || v.period === "yesterday") return "hour";
  if (v.period !== "custom") return "day";
  const span = Date.parse(v.to) - Date.parse(v.from);
  return Number.isFinite(span) && span <= 2 * 86_400_000 ? "hour" : "day";
}

export function PeriodPicker({ value, onChange }: { value: PeriodValue; onChange: (next: PeriodValue) => void }) {
  const pq = periodQuery(value);
  const problem = "problem" in pq ? pq.problem : null;
  return (
    <div class="filters" data-read role="group" aria-label="Period">
      <SelectField label="Period" value={value.period} options={PERIODS} onValue={(p) => {
          if (isPeriod(p)) onChange({ ...value, period: p });
        }} />
      {value.period === "custom" && (
        <>
          <TextField label="From" type="datetime-local" value={value.from} onValue={(from) => { onChange({ ...value, from }); }} />
          <TextField label="To" type="datetime-local" value={value.to} onValue={(to) => { onChange({ ...value, to }); }} />
          <span class="period-problem" role="status" data-testid="period-problem">
            {problem}
          </span>
        </>
      )}
    </div>
  );
}
