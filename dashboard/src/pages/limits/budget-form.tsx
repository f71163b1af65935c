import { useState } from "preact/hooks";
import { call } from "../../api/api";
import { Button } from "../../components/button";
import { ConfirmDialog } from "../../components/dialog";
import { ErrorNote, Notice } from "../../components/feedback";
import { TextField } from "../../components/field";
import { formatUsd, parseUsdInput } from "../../format/money";
import { useDraft } from "../../state/draft";
import { afterAttempt, isDecrease, previewLines, type BudgetStep } from "./budget-flow";

/** Set a budget; a decrease comes back with its impact preview and is applied only once confirmed. */
export function BudgetForm({ agentId, current, allowed, onChanged }: { agentId: string; current: string; allowed: boolean; onChanged: () => void }) {
  const [form, patch, reset] = useDraft(`budget-${agentId}`, { amount: "", reason: "" });
  const [step, setStep] = useState<BudgetStep>({ kind: "editing" });
  const [busy, setBusy] = useState(false);
  const parsed = parseUsdInput(form.amount);
  const send = async (amount: string, force: boolean) => {
    setBusy(true);
    const body = { budget_usd: amount, ...(force ? { force: true } : {}), ...(form.reason.trim() ? { reason: form.reason.trim() } : {}) };
    const next = await call("setAgentBudget", { params: { id: agentId }, body }).then(
      (value) => afterAttempt(amount, force, { ok: true, value }),
      (error: unknown) => afterAttempt(amount, force, { ok: false, error }),
    );
    setBusy(false);
    setStep(next);
    if (next.kind === "done") {
      reset();
      onChanged();
    }
  };
  const submit = (e: Event) => {
    e.preventDefault();
    if (parsed.ok) void send(parsed.usd, false);
  };
  return (
    <form onSubmit={submit} aria-label="Set budget">
      <h3>Budget</h3>
      {step.kind === "done" && <Notice kind="ok">Budget changed from {formatUsd(step.previous)} to {formatUsd(step.budget)}.</Notice>}
      {step.kind === "failed" && <ErrorNote error={step.error} />}
      <TextField
        label="New budget (USD)"
        inputMode="decimal"
        required
        disabled={!allowed}
        value={form.amount}
        onValue={(amount) => { patch({ amount }); }}
        placeholder={formatUsd(current).replace(/^\$/, "")}
        problem={form.amount === "" || parsed.ok ? null : parsed.message}
        hint={parsed.ok && isDecrease(current, parsed.usd) ? `Lower than the current ${formatUsd(current)}: you will see its impact before it applies.` : `Current: ${formatUsd(current)}`}
      />
      <TextField label="Reason (kept in the budget history)" disabled={!allowed} value={form.reason} onValue={(reason) => { patch({ reason }); }} maxLength={500} />
      <Button type="submit" variant="primary" allowed={allowed} busy={busy && step.kind !== "confirm"} disabled={!parsed.ok}>
        Set budget
      </Button>
      <ConfirmDialog
        open={step.kind === "confirm"}
        title="Lower this budget?"
        confirmLabel={step.kind === "confirm" ? `Lower to ${formatUsd(step.amount)}` : "Confirm"}
        danger
        busy={busy}
        onConfirm={() => step.kind === "confirm" && void send(step.amount, true)}
        onCancel={() => { setStep({ kind: "editing" }); }}
      >
        {step.kind === "confirm" && (
          <>
            <p>Lowering a budget applies at once. Its impact:</p>
            <ul data-testid="decrease-preview">
              {previewLines(step.preview).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
      </ConfirmDialog>
    </form>
  );
}
