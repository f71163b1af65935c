import { describe, expect, it } from "vitest";
import { budgetShares } from "../src/charts/gauge";
import { labelIndexes, linearScale, niceTicks } from "../src/charts/scale";
import { spendPoints } from "../src/pages/shared/spend-over-time";

describe("chart scales", () => {
  it("picks round ticks that cover the data", () => {
    expect(niceTicks(0, 10)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(niceTicks(0, 0.00003)).toEqual([0, 0.00001, 0.00002, 0.00003]);
    expect(niceTicks(0, 87)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0, 0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const ticks = niceTicks(0, 1234.5);
    expect(ticks[0]).toBe(0);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(1234.5);
  });

  it("maps values linearly and spaces labels evenly", () => {
    const y = linearScale(0, 10, 200, 0);
    expect(y(0)).toBe(200);
    expect(y(5)).toBe(100);
    expect(linearScale(3, 3, 0, 100)(3)).toBe(50);
    expect(labelIndexes(3, 6)).toEqual([0, 1, 2]);
    expect(labelIndexes(31, 4)).toEqual([0, 10, 20, 30]);
    expect(labelIndexes(0, 4)).toEqual([]);
  });

  it("splits a budget into spent, reserved and leased shares that never pass 100%", () => {
    expect(budgetShares("10.000000", "2.500000", "1.000000", "0.500000")).toEqual({ spent: 25, reserved: 10, leased: 5 });
    expect(budgetShares("1.000000", "2.000000", "1.000000")).toEqual({ spent: 100, reserved: 0, leased: 0 });
    expect(budgetShares("0.000000", "0.000000")).toEqual({ spent: 0, reserved: 0, leased: 0 });
  });

  it("turns a time series into chart points", () => {
    const answer = {
      period: { name: "today" as const, from: null, to: "2026-11-25T15:00:00Z" },
      interval: "hour" as const,
      group_by: "none" as const,
      series: [{ key: null, name: null, totals: { cost_usd: "0.000030", requests: 3, successes: 3, errors: 0, success_rate: 1, avg_latency_ms: 5, tokens: { input: 1, cached_input: 0, cache_write: 0, output: 1, reasoning: 0, total: 2 } }, points: [{ start: "2026-11-25T14:00:00Z", cost_usd: "0.000030", requests: 3, successes: 3, errors: 0, tokens: 2 }] }],
    };
    expect(spendPoints(answer)).toEqual([{ t: Date.parse("2026-11-25T14:00:00Z"), v: 0.00003 }]);
    expect(spendPoints({ ...answer, series: [] })).toEqual([]);
  });
});
