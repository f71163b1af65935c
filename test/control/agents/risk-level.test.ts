import { describe, expect, it } from "vitest";
import { percentUsed, riskLevel } from "../../../src/control/routes/shared/risk-level";

describe("riskLevel", () => {
  it("follows the bands low <50 %, medium 50–79, high 80–94, critical 95–99, exhausted ≥100 %", () => {
    const budget = 1_000_000;
    const at = (percent: number): string => riskLevel(budget, (budget * percent) / 100);
    expect([0, 49.9999, 50, 79.9999, 80, 94.9999, 95, 99.9999, 100, 130].map(at)).toEqual([
      "low", "low", "medium", "medium", "high", "high", "critical", "critical", "exhausted", "exhausted",
    ]);
  });

  it("is exhausted with a zero budget or nothing remaining, and exact at band edges of odd budgets", () => {
    expect(riskLevel(0, 0)).toBe("exhausted");
    expect(riskLevel(1_000, 10, 0)).toBe("exhausted");
    expect(riskLevel(1_000, 10, 5)).toBe("low");
    // 80 % of 333 µ$ is 266.4: 266 is still medium, 267 is high.
    expect(riskLevel(333, 266)).toBe("medium");
    expect(riskLevel(333, 267)).toBe("high");
    expect(riskLevel(1_000_000_000_000_000, 800_000_000_000_000)).toBe("high");
  });

  it("floors the percentage so it never contradicts the level", () => {
    expect(percentUsed(333, 266)).toBe(79.87);
    expect(percentUsed(100_000, 79_999)).toBe(79.99);
    expect(percentUsed(0, 0)).toBe(100);
    expect(percentUsed(1_000, 1_500)).toBe(150);
  });
});
