import { costMicros } from "../../src/pricing/cost";
import type { ModelPrice } from "../../src/pricing/lookup";

/** One billed request, as a provider's usage export would show it. */
export interface BillEntry {
  model: string;
  path: string;
  stream: boolean;
  fault: string | null;
  /** All prompt tokens, cached ones included. */
  input_tokens: number;
  cached_tokens: number;
  /** All completion tokens, reasoning included. */
  output_tokens: number;
  reasoning_tokens: number;
  cost_micros: number;
}

export interface Bill {
  requests: number;
  input_tokens: number;
  cached_tokens: number;
  output_tokens: number;
  cost_micros: number;
  entries: BillEntry[];
}

/** Entries kept per key (totals stay exact beyond it; only the oldest entries are dropped). */
const MAX_ENTRIES = 10_000;
const bills = new Map<string, Bill>();

export type Billable = Omit<BillEntry, "cost_micros">;

/** The provider's price for a usage: uncached input, cached input, visible output and reasoning, each at its rate. */
export function priceOf(usage: Billable, price: ModelPrice): number {
  return costMicros(
    {
      input: usage.input_tokens - usage.cached_tokens,
      cachedInput: usage.cached_tokens,
      cacheWrite: 0,
      output: usage.output_tokens - usage.reasoning_tokens,
      reasoning: usage.reasoning_tokens,
    },
    price,
  );
}

/** Appends one request to the bill of `key`. */
export function charge(key: string, usage: Billable, price: ModelPrice): BillEntry {
  const entry: BillEntry = { ...usage, cost_micros: priceOf(usage, price) };
  let bill = bills.get(key);
  if (bill === undefined) {
    bill = { requests: 0, input_tokens: 0, cached_tokens: 0, output_tokens: 0, cost_micros: 0, entries: [] };
    bills.set(key, bill);
  }
  bill.requests += 1;
  bill.input_tokens += entry.input_tokens;
  bill.cached_tokens += entry.cached_tokens;
  bill.output_tokens += entry.output_tokens;
  bill.cost_micros += entry.cost_micros;
  bill.entries.push(entry);
  if (bill.entries.length > MAX_ENTRIES) bill.entries.shift();
  return entry;
}

export function billFor(key: string): Bill {
  return bills.get(key) ?? { requests: 0, input_tokens: 0, cached_tokens: 0, output_tokens: 0, cost_micros: 0, entries: [] };
}

/** Clears one key's bill, or every bill when `key` is `null`. */
export function resetBills(key: string | null): void {
  if (key === null) bills.clear();
  else bills.delete(key);
}
