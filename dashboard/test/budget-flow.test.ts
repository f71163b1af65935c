import { describe, expect, it } from "vitest";
import { ApiError } from "../../client/src/index";
import { afterAttempt, isDecrease, parsePreview, previewLines } from "../src/pages/limits/budget-flow";

const PREVIEW = {
  agent_id: "agt_1",
  current_budget_usd: "5.000000",
  new_budget_usd: "2.000000",
  spent_usd: "2.500000",
  reserved_usd: "0.100000",
  leased_out_usd: "1.000000",
  remaining_usd: "1.400000",
  remaining_after_usd: "0.000000",
  risk_level_after: "exhausted",
  exhausted_after: true,
  blocked_after: true,
  leases_cut: true,
  open_leases: 2,
  open_reservations: 1,
};

const confirmation = new ApiError({ status: 409, code: "CONFIRMATION_REQUIRED", message: "This lowers the agent's budget.", details: PREVIEW, requestId: "req_1" });

describe("the budget decrease flow", () => {
  it("applies an increase at once", () => {
    expect(afterAttempt("10.000000", false, { ok: true, value: { budget_usd: "10.000000", previous_budget_usd: "5.000000" } })).toEqual({ kind: "done", previous: "5.000000", budget: "10.000000" });
  });

  it("turns CONFIRMATION_REQUIRED into a confirmation step with the server's preview", () => {
    const step = afterAttempt("2.000000", false, { ok: false, error: confirmation });
    expect(step).toMatchObject({ kind: "confirm", amount: "2.000000", message: "This lowers the agent's budget." });
    if (step.kind !== "confirm") throw new Error("expected a confirmation");
    expect(step.preview.remaining_after_usd).toBe("0.000000");
    expect(previewLines(step.preview)).toEqual([
      "Budget goes from $5.00 to $2.00.",
      "Already spent: $2.50, reserved by calls in flight: $0.10, leased out: $1.00.",
      "Remaining goes from $1.40 to $0.00 (risk exhausted).",
      "The agent will be exhausted: its spend reaches the new budget.",
      "Open leases will be cut to fit (2 open).",
    ]);
  });

  it("after confirming (force) applies, and never asks twice", () => {
    expect(afterAttempt("2.000000", true, { ok: true, value: { budget_usd: "2.000000", previous_budget_usd: "5.000000" } })).toMatchObject({ kind: "done" });
    expect(afterAttempt("2.000000", true, { ok: false, error: confirmation })).toEqual({ kind: "failed", error: confirmation });
  });

  it("shows any other refusal as an error", () => {
    const conflict = new ApiError({ status: 409, code: "CONFLICT", message: "raced" });
    expect(afterAttempt("2.000000", false, { ok: false, error: conflict })).toEqual({ kind: "failed", error: conflict });
  });

  it("keeps only well-typed preview fields and tells a decrease from an increase", () => {
    expect(parsePreview({ new_budget_usd: 3, exhausted_after: "yes", open_leases: 1, spent_usd: "1.000000" })).toEqual({ open_leases: 1, spent_usd: "1.000000" });
    expect(parsePreview(null)).toEqual({});
    expect(previewLines({ blocked_after: true })).toEqual(["Nothing will be left for a new request: the agent's calls will be refused."]);
    expect(isDecrease("5.000000", "2.000000")).toBe(true);
    expect(isDecrease("5.000000", "5.000000")).toBe(false);
    expect(isDecrease("5.000000", "7.500000")).toBe(false);
  });
});
