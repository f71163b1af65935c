import { call } from "../../api/api";
import { fieldProblem } from "../../api/errors";
import { Button } from "../../components/button";
import { ErrorNote } from "../../components/feedback";
import { SelectField, TextArea, TextField } from "../../components/field";
import { Panel } from "../../components/page";
import { formatUsd, parseUsdInput } from "../../format/money";
import { useDraft } from "../../state/draft";
import { useNames } from "../../state/lookups";
import { useAction, useQuery } from "../../state/query";

/** Ask for a new total budget for one of your agents, with a justification (kept as a draft while typed). */
export function CreateRequest({ initialAgent, onCreated }: { initialAgent: string; onCreated: () => void }) {
  const agents = useNames("agents");
  const [form, patch, reset] = useDraft("budget-request", { agent: initialAgent, amount: "", justification: "" });
  const action = useAction();
  const current = useQuery(async () => (form.agent === "" ? null : call("getAgent", { params: { id: form.agent } })), [form.agent]);
  const amount = parseUsdInput(form.amount);
  const ready = form.agent !== "" && amount.ok && form.justification.trim().length > 0;
  const submit = (e: Event) => {
    e.preventDefault();
    if (!ready || !amount.ok) return;
    void action.run(() => call("createBudgetRequest", { body: { agent_id: form.agent, requested_budget_usd: amount.usd, justification: form.justification.trim() } }), () => {
      reset({ agent: form.agent, amount: "", justification: "" });
      onCreated();
    });
  };
  const a = current.data;
  return (
    <Panel title="Ask for budget">
      <form onSubmit={submit} aria-label="Ask for budget">
        <ErrorNote error={action.error} />
        <div class="form-row">
          <SelectField label="Agent" required value={form.agent} onValue={(agent) => { patch({ agent }); }} options={[["", "Choose an agent…"], ...[...agents].map(([id, name]) => [id, name] as const)]} problem={fieldProblem(action.error, "agent_id")} hint={a ? `Now ${formatUsd(a.budget_usd)}, spent ${formatUsd(a.spent_usd)}, remaining ${formatUsd(a.remaining_usd)}.` : undefined} />
          <TextField label="New total budget (USD)" inputMode="decimal" required value={form.amount} onValue={(v) => { patch({ amount: v }); }} problem={form.amount === "" || amount.ok ? fieldProblem(action.error, "requested_budget_usd") : amount.message} hint="The total you need, not an increment." />
        </div>
        <TextArea label="Justification" required maxLength={2000} value={form.justification} onValue={(justification) => { patch({ justification }); }} problem={fieldProblem(action.error, "justification")} hint="What the budget is for and why the current one is not enough." />
        <Button type="submit" variant="primary" busy={action.busy} disabled={!ready}>
          Send request
        </Button>
      </form>
    </Panel>
  );
}
