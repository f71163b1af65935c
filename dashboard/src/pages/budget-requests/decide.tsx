import { useState } from "preact/hooks";
import { call } from "../../api/api";
import type { BudgetRequest } from "../../api/types";
import { ConfirmDialog } from "../../components/dialog";
import { ErrorNote } from "../../components/feedback";
import { TextArea, TextField } from "../../components/field";
import { formatUsd, parseUsdInput } from "../../format/money";
import { useAction } from "../../state/query";

export interface Decision {
  readonly kind: "approve" | "reject" | "cancel";
  readonly request: BudgetRequest;
}

const TITLES = { approve: "Approve budget request", reject: "Reject budget request", cancel: "Cancel budget request" } as const;

/** Approve (amount, default the one asked for, and notes), reject (a note is required) or cancel a request. */
export function Decide({ decision, onClose, onDone }: { decision: Decision; onClose: () => void; onDone: () => void }) {
  const r = decision.request;
  const [amount, setAmount] = useState(formatUsd(r.requested_budget_usd).replace(/^\$/, "").replace(/,/g, ""));
  const [notes, setNotes] = useState("");
  const action = useAction();
  const parsed = parseUsdInput(amount);
  const confirm = () => {
    const id = { id: r.id };
    if (decision.kind === "approve" && parsed.ok) void action.run(() => call("approveBudgetRequest", { params: id, body: { amount_usd: parsed.usd, ...(notes.trim() ? { notes: notes.trim() } : {}) } }), onDone);
    if (decision.kind === "reject" && notes.trim() !== "") void action.run(() => call("rejectBudgetRequest", { params: id, body: { notes: notes.trim() } }), onDone);
    if (decision.kind === "cancel") void action.run(() => call("cancelBudgetRequest", { params: id }), onDone);
  };
  return (
    <ConfirmDialog open title={TITLES[decision.kind]} confirmLabel={decision.kind === "approve" ? "Approve" : decision.kind === "reject" ? "Reject" : "Cancel request"} danger={decision.kind !== "approve"} busy={action.busy} onConfirm={confirm} onCancel={onClose}>
      <ErrorNote error={action.error} />
      <p>
        Current budget {formatUsd(r.current_budget_usd)}, asked for <strong>{formatUsd(r.requested_budget_usd)}</strong>.
      </p>
      <blockquote class="muted" style={{ margin: "0 0 0.75rem" }}>{r.justification}</blockquote>
      {decision.kind === "approve" && <TextField label="Approved budget (USD)" inputMode="decimal" value={amount} onValue={setAmount} problem={parsed.ok ? null : parsed.message} hint="The agent's new total budget; it applies at once." />}
      {decision.kind !== "cancel" && <TextArea label={decision.kind === "reject" ? "Note to the requester (required)" : "Note (optional)"} value={notes} onValue={setNotes} maxLength={2000} problem={decision.kind === "reject" && notes.trim() === "" ? "Say why." : null} />}
    </ConfirmDialog>
  );
}
