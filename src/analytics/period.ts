/**
 * Analytics periods, in UTC and at hour resolution (rollups are hourly). Named periods are whole UTC days up to
 * the end of the current hour, so the current hour's spend is included; `custom` takes any ISO times, widened to
 * whole hours (`from` down, `to` up) and reported back as such.
 */
export const PERIODS = ["today", "yesterday", "last-7-days", "last-30-days", "all-time", "custom"] as const;
export type PeriodName = (typeof PERIODS)[number];

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Longest custom range: a year and a day, so "the same day last year" through today fits. */
export const MAX_CUSTOM_DAYS = 366;

export interface Period {
  readonly name: PeriodName;
  /** Inclusive, on an hour; null = since the first recorded request (all-time). */
  readonly fromMs: number | null;
  /** Exclusive, on an hour. */
  readonly toMs: number;
}

export type PeriodError = { readonly field: "query.from" | "query.to"; readonly message: string };

export const floorHour = (ms: number): number => Math.floor(ms / HOUR_MS) * HOUR_MS;
export const ceilHour = (ms: number): number => Math.ceil(ms / HOUR_MS) * HOUR_MS;
export const floorDay = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

/** The rollup hour key ('YYYY-MM-DDTHH') of an instant. */
export function hourKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 13);
}

export function resolvePeriod(name: PeriodName, from: string | undefined, to: string | undefined, nowMs: number): Period | PeriodError[] {
  if (name !== "custom") {
    const errors: PeriodError[] = [];
    if (from !== undefined) errors.push({ field: "query.from", message: "Only with period=custom." });
    if (to !== undefined) errors.push({ field: "query.to", message: "Only with period=custom." });
    return errors.length > 0 ? errors : namedPeriod(name, nowMs);
  }
  return customPeriod(from, to);
}

function namedPeriod(name: Exclude<PeriodName, "custom">, nowMs: number): Period {
  const today = floorDay(nowMs);
  const end = floorHour(nowMs) + HOUR_MS;
  switch (name) {
    case "today": return { name, fromMs: today, toMs: end };
    case "yesterday": return { name, fromMs: today - DAY_MS, toMs: today };
    case "last-7-days": return { name, fromMs: today - 6 * DAY_MS, toMs: end };
    case "last-30-days": return { name, fromMs: today - 29 * DAY_MS, toMs: end };
    case "all-time": return { name, fromMs: null, toMs: end };
  }
}

function customPeriod(from: string | undefined, to: string | undefined): Period | PeriodError[] {
  const errors: PeriodError[] = [];
  if (from === undefined) errors.push({ field: "query.from", message: "Required with period=custom (an ISO-8601 time)." });
  if (to === undefined) errors.push({ field: "query.to", message: "Required with period=custom (an ISO-8601 time)." });
  if (from === undefined || to === undefined) return errors;
  const fromMs = floorHour(Date.parse(from));
  const toMs = ceilHour(Date.parse(to));
  if (!(Date.parse(from) < Date.parse(to))) return [{ field: "query.to", message: "Must be later than `from`." }];
  if (toMs - fromMs > MAX_CUSTOM_DAYS * DAY_MS) return [{ field: "query.to", message: `At most ${MAX_CUSTOM_DAYS} days after \`from\`.` }];
  return { name: "custom", fromMs, toMs };
}

/** `from`/`to` as the response reports them (ISO-8601 UTC). */
export function periodView(period: Period): { name: PeriodName; from: string | null; to: string } {
  return { name: period.name, from: period.fromMs === null ? null : new Date(period.fromMs).toISOString(), to: new Date(period.toMs).toISOString() };
}
