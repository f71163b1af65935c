/**
 * Budget risk levels (PRODUCT.md §5): low < 50 % used, medium 50–79, high 80–94, critical 95–99, exhausted at
 * ≥ 100 % or nothing left. One function for the agent views, limit previews and analytics' budget status, so they
 * never disagree.
 */
export const RISK_LEVELS = ["low", "medium", "high", "critical", "exhausted"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * The risk level of `spent` out of `budget` (micro-dollars). A zero budget is exhausted, and so is one with nothing
 * left for new requests (`remainingMicros` ≤ 0: fully reserved or leased out). Compared in integers, so exactly
 * 80 % is "high", never "medium" by a rounding error.
 */
export function riskLevel(budgetMicros: number, spentMicros: number, remainingMicros?: number): RiskLevel {
  if (budgetMicros <= 0 || spentMicros >= budgetMicros || (remainingMicros !== undefined && remainingMicros <= 0)) return "exhausted";
  const spent = BigInt(Math.max(0, Math.trunc(spentMicros))) * 100n;
  const budget = BigInt(Math.trunc(budgetMicros));
  if (spent < budget * 50n) return "low";
  if (spent < budget * 80n) return "medium";
  if (spent < budget * 95n) return "high";
  return "critical";
}

/**
 * Spent as a percentage of the budget, two decimals, floored (so 79.999 % reads 79.99, not a "medium" 80.00).
 * Divided in integers: `Math.floor(spent / budget * 10000)` is off by one hundredth for many amounts
 * (0.0003 * 10000 = 2.9999999999999996).
 */
export function percentUsed(budgetMicros: number, spentMicros: number): number {
  if (budgetMicros <= 0) return 100;
  const hundredths = (BigInt(Math.max(0, Math.trunc(spentMicros))) * 10_000n) / BigInt(Math.trunc(budgetMicros));
  return Number(hundredths) / 100;
}
