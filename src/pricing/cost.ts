import type { ModelPrice } from "./lookup";

/**
 * Tokens of one request by billing class. `input` excludes cached and cache-write tokens;
 * `output` excludes reasoning tokens (each class is priced on its own).
 */
export interface TokenUsage {
  input: number;
  cachedInput: number;
  cacheWrite: number;
  output: number;
  reasoning: number;
}

export const ZERO_USAGE: TokenUsage = { input: 0, cachedInput: 0, cacheWrite: 0, output: 0, reasoning: 0 };

/**
 * Cost in integer micro-dollars, rounded up once per request (never under-charged).
 * Exact in IEEE doubles: every product stays far below 2^53.
 */
export function costMicros(usage: TokenUsage, price: ModelPrice): number {
  const p = price.microsPerMillion;
  const scaled =
    usage.input * p.input +
    usage.cachedInput * p.cachedInput +
    usage.cacheWrite * p.cacheWrite +
    usage.output * p.output +
    usage.reasoning * p.reasoning;
  return Math.ceil(scaled / 1_000_000);
}

/** Micro-dollars as a decimal USD string for APIs and headers (6 places, no float drift). */
export function microsToUsd(micros: number): string {
  const sign = micros < 0 ? "-" : "";
  const abs = Math.abs(micros);
  const whole = Math.floor(abs / 1_000_000);
  const frac = String(abs % 1_000_000).padStart(6, "0");
  return `${sign}${whole}.${frac}`;
}

/** Decimal USD (number or string) to integer micro-dollars, rounding half away from zero. */
export function usdToMicros(usd: number): number {
  return Math.round(usd * 1_000_000);
}
