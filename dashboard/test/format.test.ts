import { describe, expect, it } from "vitest";
import { formatBucket, formatDate, formatDateTime, formatDuration, formatRelative, localInputToIso } from "../src/format/dates";
import { formatUsd, formatUsdCompact, microsToUsd, parseUsdInput, usdInputText, usdNumber, usdToMicros } from "../src/format/money";
import { defaultApproval } from "../src/pages/budget-requests/decide";
import { formatDaysLeft, formatInt, formatPercent, formatTokens } from "../src/format/numbers";

describe("money", () => {
  it("starts an approval from exactly the amount asked for, never rounded to cents", () => {
    expect(usdInputText("5.000000")).toBe("5");
    expect(usdInputText("12.500000")).toBe("12.5");
    expect(usdInputText("100.000000")).toBe("100");
    expect(usdInputText("0.000000")).toBe("0");
    expect(usdInputText("0.001234")).toBe("0.001234");
    expect(usdInputText("1234.567891")).toBe("1234.567891");
    expect(usdInputText("oops")).toBe("oops");
    const asked = defaultApproval({ requested_budget_usd: "25.129000" });
    expect(asked).toEqual({ amount: "25.129", notes: "" });
    // What is sent back on "Approve" is the amount asked for, to the micro-dollar.
    expect(parseUsdInput(asked.amount)).toEqual({ ok: true, usd: "25.129000" });
    expect(parseUsdInput(defaultApproval({ requested_budget_usd: "0.004999" }).amount)).toEqual({ ok: true, usd: "0.004999" });
  });

  it("parses the API's 6-decimal strings into exact micro-dollars", () => {
    expect(usdToMicros("12.500000")).toBe(12_500_000);
    expect(usdToMicros("0.000001")).toBe(1);
    expect(usdToMicros("-3.250000")).toBe(-3_250_000);
    expect(usdToMicros("0.1")).toBe(100_000);
    expect(usdToMicros(0.3)).toBe(300_000);
    expect(usdToMicros("abc")).toBeNull();
    expect(microsToUsd(12_500_000)).toBe("12.500000");
    expect(microsToUsd(-1)).toBe("-0.000001");
    expect(usdNumber("1.250000")).toBe(1.25);
  });

  it("formats dollars and cents, and never shows a small spend as $0.00", () => {
    expect(formatUsd("1234.567890")).toBe("$1,234.57");
    expect(formatUsd("5.000000")).toBe("$5.00");
    expect(formatUsd("0.005000")).toBe("$0.005");
    expect(formatUsd("0.000030")).toBe("$0.00003");
    expect(formatUsd("0.000001")).toBe("$0.000001");
    expect(formatUsd("0.010000")).toBe("$0.01");
    expect(formatUsd("0.000000")).toBe("$0.00");
    expect(formatUsd("-2.500000")).toBe("-$2.50");
    expect(formatUsd(null)).toBe("—");
    expect(formatUsd("1000000.004999")).toBe("$1,000,000.00");
    expect(formatUsd("0.999999")).toBe("$1.00");
  });

  it("writes short axis labels", () => {
    expect(formatUsdCompact(0)).toBe("$0");
    expect(formatUsdCompact(0.00003)).toBe("$0.00003");
    expect(formatUsdCompact(0.25)).toBe("$0.25");
    expect(formatUsdCompact(12)).toBe("$12");
    expect(formatUsdCompact(1250)).toBe("$1.3K");
    expect(formatUsdCompact(3_400_000)).toBe("$3.4M");
  });

  it("reads what a person types into a money field", () => {
    expect(parseUsdInput("25")).toEqual({ ok: true, usd: "25.000000" });
    expect(parseUsdInput(" $1,250.5 ")).toEqual({ ok: true, usd: "1250.500000" });
    expect(parseUsdInput(".75")).toEqual({ ok: true, usd: "0.750000" });
    expect(parseUsdInput("007")).toEqual({ ok: true, usd: "7.000000" });
    expect(parseUsdInput("")).toMatchObject({ ok: false });
    expect(parseUsdInput("-5")).toMatchObject({ ok: false, message: "The amount cannot be negative." });
    expect(parseUsdInput("1.2.3")).toMatchObject({ ok: false });
    expect(parseUsdInput("0.0000001")).toMatchObject({ ok: false, message: "At most 6 decimals (a micro-dollar)." });
    expect(parseUsdInput("1e3")).toMatchObject({ ok: false });
    expect(parseUsdInput("9999999999999")).toMatchObject({ ok: false, message: "The amount is too large." });
  });
});

describe("dates", () => {
  const utc = { locale: "en-US", timeZone: "UTC" };
  it("formats API timestamps in a given locale and zone", () => {
    expect(formatDateTime("2026-11-25T14:03:09Z", utc)).toBe("Nov 25, 2026, 14:03");
    expect(formatDate("2026-11-25T14:03:09Z", utc)).toBe("Nov 25, 2026");
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime("not a date")).toBe("—");
    expect(formatBucket(Date.parse("2026-11-25T14:00:00Z"), "hour", utc)).toBe("14:00");
    expect(formatBucket(Date.parse("2026-11-25T00:00:00Z"), "day", utc)).toBe("Nov 25");
  });

  it("says how long ago or how soon", () => {
    const now = Date.parse("2026-11-25T12:00:00Z");
    expect(formatRelative("2026-11-25T11:57:00Z", now, "en")).toBe("3 minutes ago");
    expect(formatRelative("2026-11-27T12:00:00Z", now, "en")).toBe("in 2 days");
    expect(formatRelative("2026-11-25T11:59:40Z", now, "en")).toBe("just now");
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(1234)).toBe("1.2 s");
    expect(formatDuration(185_000)).toBe("3 min 5 s");
    expect(localInputToIso("")).toBeNull();
    expect(localInputToIso("2026-11-25T14:03")).toMatch(/^2026-11-2\dT\d\d:03:00\.000Z$/);
  });
});

describe("numbers", () => {
  it("formats counts, tokens, percents and days left", () => {
    expect(formatInt(12345)).toBe("12,345");
    expect(formatTokens(950)).toBe("950");
    expect(formatTokens(12_345)).toBe("12.3K");
    expect(formatTokens(4_500_000)).toBe("4.5M");
    expect(formatPercent(42.4)).toBe("42%");
    expect(formatPercent(3.25)).toBe("3.3%");
    expect(formatPercent(0.003)).toBe("<0.1%");
    expect(formatPercent(0.975, "ratio")).toBe("98%");
    expect(formatPercent(null)).toBe("—");
    expect(formatDaysLeft(null)).toBe("no recent spend");
    expect(formatDaysLeft(0.4)).toBe("< 1 day");
    expect(formatDaysLeft(1.2)).toBe("1 day");
    expect(formatDaysLeft(12.6)).toBe("13 days");
  });
});
