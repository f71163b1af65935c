import { z } from "zod";

const USD_TEXT = /^\d{1,12}(?:\.\d{1,6})?$/;
const MAX_USD = 1_000_000_000;

/**
 * A USD amount in a request: a JSON number or a decimal string, non-negative, at most 6 decimals (micro-dollars),
 * at most $1,000,000,000. Parses to integer micro-dollars, the only money type inside Iron.
 */
export const usdAmount = z
  .union([z.number().nonnegative().max(MAX_USD), z.string().regex(USD_TEXT, "A decimal USD amount, e.g. \"12.50\".")])
  .transform((value, ctx) => {
    const micros = toMicros(value);
    if (micros === null || micros > MAX_USD * 1_000_000) {
      ctx.addIssue({ code: "custom", message: "A USD amount with at most 6 decimals, from 0 to 1000000000." });
      return z.NEVER;
    }
    return micros;
  })
  .meta({ description: "USD, as a number or a decimal string with at most 6 decimals: 25, 12.5, \"0.000250\"." });

/** A USD amount in a response: a decimal string with exactly 6 decimals (`"12.500000"`), never a float. */
export const usdText = z.string().regex(/^-?\d+\.\d{6}$/).meta({ description: "USD as a decimal string with 6 decimals, e.g. \"12.500000\"." });

function toMicros(value: number | string): number | null {
  if (typeof value === "string") {
    const [whole = "0", fraction = ""] = value.split(".");
    const micros = Number(whole) * 1_000_000 + Number(fraction.padEnd(6, "0"));
    return Number.isSafeInteger(micros) ? micros : null;
  }
  const micros = Math.round(value * 1_000_000);
  // 0.1 + 0.2 style float noise is tolerated; a seventh decimal is not.
  return Math.abs(value * 1_000_000 - micros) < 1e-6 * Math.max(1, value) ? micros : null;
}
