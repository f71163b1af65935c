import { errorCode, isApiError } from "../../api/errors";
import type { BudgetPreview } from "../../api/types";
import { formatUsd, usdToMicros } from "../../format/money";

/**
 * Setting a budget: an increase applies at once; a decrease is refused with CONFIRMATION_REQUIRED and a preview
 * of its impact in `error.details`, shown to the admin, and applied only when resent with `force: true`.
 * The steps as values, so the screen and the tests share one logic.
 */
export type BudgetStep =
  | { readonly kind: "editing" }
  | { readonly kind: "confirm"; readonly amount: string; readonly preview: BudgetPreview; readonly message: string }
  | { readonly kind: "done"; readonly previous: string; readonly budget: string }
  | { readonly kind: "failed"; readonly error: unknown };

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** The next step after sending `amount` (with or without force). */
export function afterAttempt(amount: string, force: boolean, outcome: Outcome<{ budget_usd: string; previous_budget_usd: string }>): BudgetStep {
  if (outcome.ok) return { kind: "done", previous: outcome.value.previous_budget_usd, budget: outcome.value.budget_usd };
  if (!force && errorCode(outcome.error) === "CONFIRMATION_REQUIRED" && isApiError(outcome.error)) {
    return { kind: "confirm", amount, preview: parsePreview(outcome.error.details), message: outcome.error.message };
  }
  return { kind: "failed", error: outcome.error };
}

const STRINGS = ["current_budget_usd", "new_budget_usd", "spent_usd", "reserved_usd", "leased_out_usd", "remaining_usd", "remaining_after_usd", "risk_level_after"] as const;
const BOOLEANS = ["exhausted_after", "blocked_after", "leases_cut"] as const;
const NUMBERS = ["open_leases", "open_reservations"] as const;

/** The preview's known fields, each only when it has the expected type (it is not described by the document). */
export function parsePreview(details: unknown): BudgetPreview {
  if (typeof details !== "object" || details === null) return {};
  const d = details as Record<string, unknown>;
  const out: Record<string, string | boolean | number> = {};
  for (const k of STRINGS) if (typeof d[k] === "string") out[k] = d[k];
  for (const k of BOOLEANS) if (typeof d[k] === "boolean") out[k] = d[k];
  for (const k of NUMBERS) if (typeof d[k] === "number") out[k] = d[k];
  return out;
}

/** The preview in sentences, the consequences first. */
export function previewLines(p: BudgetPreview): string[] {
  const lines: string[] = [];
  if (p.current_budget_usd !== undefined && p.new_budget_usd !== undefined) lines.push(`Budget goes from ${formatUsd(p.current_budget_usd)} to ${formatUsd(p.new_budget_usd)}.`);
  if (p.spent_usd !== undefined) lines.push(`Already spent: ${formatUsd(p.spent_usd)}${p.reserved_usd !== undefined ? `, reserved by calls in flight: ${formatUsd(p.reserved_usd)}` : ""}${p.leased_out_usd !== undefined ? `, leased out: ${formatUsd(p.leased_out_usd)}` : ""}.`);
  if (p.remaining_usd !== undefined && p.remaining_after_usd !== undefined) lines.push(`Remaining goes from ${formatUsd(p.remaining_usd)} to ${formatUsd(p.remaining_after_usd)}${p.risk_level_after !== undefined ? ` (risk ${p.risk_level_after})` : ""}.`);
  if (p.exhausted_after === true) lines.push("The agent will be exhausted: its spend reaches the new budget.");
  else if (p.blocked_after === true) lines.push("Nothing will be left for a new request: the agent's calls will be refused.");
  if (p.leases_cut === true) lines.push(`Open leases will be cut to fit${p.open_leases !== undefined ? ` (${p.open_leases} open)` : ""}.`);
  return lines;
}

/** True when the new amount is below the current budget (the server will ask for confirmation). */
export function isDecrease(current: string, next: string): boolean {
  const a = usdToMicros(current);
  const b = usdToMicros(next);
  return a !== null && b !== null && b < a;
}
