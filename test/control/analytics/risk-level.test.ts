import { describe, expect, it } from "vitest";
import { percentUsed, riskLevel } from "../../../src/control/routes/shared/risk-level";

const BUDGET = 100_000_000; // $100

describe("budget risk levels: low < 50 %, medium 50–79, high 80–94, critical 95–99, exhausted", () => {
  it("switches exactly at each boundary", () => {
    const cases: [number, string][] = [
      [0, "low"], [49_990_000, "low"], [49_999_999, "low"], [50_000_000, "medium"], [79_999_999, "medium"], [80_000_000, "high"],
      [94_999_999, "high"], [95_000_000, "critical"], [99_999_999, "critical"], [100_000_000, "exhausted"], [130_000_000, "exhausted"],
    ];
    for (const [spent, level] of cases) expect(riskLevel(BUDGET, spent), `${spent}`).toBe(level);
  });

  it("is exact for budgets that do not divide evenly", () => {
    expect(riskLevel(3, 1)).toBe("low");
    expect(riskLevel(3, 2)).toBe("medium");
    expect(riskLevel(7, 6)).toBe("high"); // 85.7 %
    expect(riskLevel(20, 19)).toBe("critical"); // 95 %
    expect(riskLevel(1_000_001, 800_000)).toBe("medium"); // 79.99992 %
  });

  it("calls a zero budget, or nothing left to spend, exhausted", () => {
    expect(riskLevel(0, 0)).toBe("exhausted");
    expect(riskLevel(BUDGET, 10_000_000, 0)).toBe("exhausted");
    expect(riskLevel(BUDGET, 10_000_000, 1)).toBe("low");
  });

  it("reports percent used with two decimals, floored", () => {
    expect(percentUsed(BUDGET, 49_990_000)).toBe(49.99);
    expect(percentUsed(BUDGET, 79_999_999)).toBe(79.99);
    expect(percentUsed(BUDGET, 80_000_000)).toBe(80);
    expect(percentUsed(BUDGET, 150_000_000)).toBe(150);
    expect(percentUsed(0, 0)).toBe(100);
  });
});

describe("percent used", () => {
  it("is exact in hundredths for every amount, where float division is not", () => {
    for (let spent = 0; spent <= BUDGET; spent += 10_000) expect(percentUsed(BUDGET, spent)).toBe(spent / 1_000_000);
  });
});
