import { call } from "../../api/api";
import type { BudgetRequest } from "../../api/types";
import { ConfirmDialog } from "../../components/dialog";
import { ErrorNote } from "../../components/feedback";
import { TextArea, TextField } from "../../components/field";
import { formatUsd, parseUsdInput, usdInputText } from "../../format/money";
import { useDraft } from "../../state/draft";
import { useAction } from "../../state/query";

export type DecisionKind = "approve" | "reject" | "cancel";

export interface Decision {
  readonly kind: DecisionKind;
  readonly request: BudgetRequest;
}

export const asDecisionKind = (v: string): DecisionKind | undefined => (v === "approve" || v === "reject" || v === "cancel" ? v : undefined);

const TITLES = { approve: "Approve budget request", reject: "Reject budget request", cancel: "Cancel budget request" } as const;

/** What an approval starts from: exactly the amount asked for (trailing zeros trimmed, never rounded to cents). */
export function defaultApproval(request: Pick<BudgetRequest, "requested_budget_usd">): { amount: string; notes: string } {
  return { amount: usdInputText(request.requested_budget_usd), notes: "" };
}

/**
 * Approve (amount, default the one asked for, and notes), reject (a note is required) or cancel a request. The
 * amount and note are a draft (sessionStorage): a session that ends while the dialog is open keeps them.
 */
export function Decide({ decision, onClose, onDone }: { decision: Decision; onClose: () => void; onDone: () => void }) {
  const r = decision.request;
  const [form, patch, reset] = useDraft(`decide-${r.id}`, defaultApproval(r));
  const action = useAction();
  const parsed = parseUsdInput(form.amount);
  const notes = form.notes.trim();
  const finish = () => {
    reset();
    onDone();
  };
  const confirm = () => {
    const id = { id: r.id };
    if (decision.kind === "approve" && parsed.ok) void action.run(() => call("approveBudgetRequest", { params: id, body: { amount_usd: parsed.usd, ...(notes ? { notes } : {}) } }), finish);
    if (decision.kind === "reject" && notes !== "") void action.run(() => call("rejectBudgetRequest", { params: id, body: { notes } }), finish);
    if (decision.kind === "cancel") void action.run(() => call("cancelBudgetRequest", { params: id }), finish);
  };
  const close = () => {
    reset();
    onClose();
  };
  return (
    <ConfirmDialog open title={TITLES[decision.kind]} confirmLabel={decision.kind === "approve" ? "Approve" : decision.kind === "reject" ? "Reject" : "Cancel request"} danger={decision.kind !== "approve"} busy={action.busy} onConfirm={confirm} onCancel={close}>
      <ErrorNote error={action.error} />
      <p>
        Current budget {formatUsd(r.current_budget_usd)}, asked for <strong>{formatUsd(r.requested_budget_usd)}</strong>.
      </p>
      <blockquote class="muted" style={{ margin: "0 0 0.75rem" }}>{r.justification}</blockquote>
      {decision.kind === "approve" && <TextField label="Approved budget (USD)" inputMode="decimal" value={form.amount} onValue={(amount) => { patch({ amount }); }} problem={parsed.ok ? null : parsed.message} hint="The agent's new total budget; it applies at once." />}
      {decision.kind !== "cancel" && <TextArea label={decision.kind === "reject" ? "Note to the requester (required)" : "Note (optional)"} value={form.notes} onValue={(v) => { patch({ notes: v }); }} maxLength={2000} problem={decision.kind === "reject" && notes === "" ? "Say why." : null} />}
    </ConfirmDialog>
  );
}
