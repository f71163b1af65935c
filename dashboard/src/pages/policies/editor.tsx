import { useState } from "preact/hooks";
import { call } from "../../api/api";
import type { PolicyBody, StoredPolicy } from "../../api/types";
import { useGate } from "../../auth/use-gate";
import { Button } from "../../components/button";
import { ConfirmDialog } from "../../components/dialog";
import { ErrorNote, Notice, QueryView } from "../../components/feedback";
import { SelectField, TextField } from "../../components/field";
import { Panel } from "../../components/page";
import { formatDateTime } from "../../format/dates";
import { useDraft } from "../../state/draft";
import { useQuery } from "../../state/query";
import { ACTIONS, CATEGORIES, cleanForm, DIRECTIONS, documentFromForm, formFromDocument, isAction, type ActionCell, type PolicyForm } from "./policy-form";

type Target = { readonly type: "agent" | "project"; readonly id: string };

const load = (t: Target): Promise<StoredPolicy> => (t.type === "agent" ? call("getAgentPolicy", { params: { id: t.id } }) : call("getProjectPolicy", { params: { id: t.id } }));
const save = (t: Target, body: PolicyBody): Promise<StoredPolicy> => (t.type === "agent" ? call("putAgentPolicy", { params: { id: t.id }, body }) : call("putProjectPolicy", { params: { id: t.id }, body }));
const remove = (t: Target): Promise<undefined> => (t.type === "agent" ? call("deleteAgentPolicy", { params: { id: t.id } }) : call("deleteProjectPolicy", { params: { id: t.id } }));

/**
 * The form is a draft of the stored version it started from (its updated_at is in the key): a session that ends
 * keeps the edit, and an edit is never restored over a policy someone changed since.
 */
function Editor({ target, stored, onSaved }: { target: Target; stored: StoredPolicy; onSaved: () => void }) {
  const { can } = useGate();
  const [draft, patch, reset] = useDraft<PolicyForm>(`policy-${target.type}-${target.id}-${stored.updated_at ?? "none"}`, formFromDocument(stored.policy));
  const form = cleanForm(draft);
  const [state, setState] = useState<{ busy: boolean; error: unknown; saved: boolean }>({ busy: false, error: null, saved: false });
  const [confirmRemove, setConfirmRemove] = useState(false);
  const mayWrite = target.type === "agent" ? can("putAgentPolicy") : can("putProjectPolicy");
  const mayDelete = target.type === "agent" ? can("deleteAgentPolicy") : can("deleteProjectPolicy");
  const run = (work: () => Promise<unknown>) => {
    setState({ busy: true, error: null, saved: false });
    work().then(
      () => {
        reset();
        setConfirmRemove(false);
        setState({ busy: false, error: null, saved: true });
        onSaved();
      },
      (error: unknown) => { setState({ busy: false, error, saved: false }); },
    );
  };
  const setAction = (cell: ActionCell, v: string) => { patch({ actions: { ...form.actions, [cell]: isAction(v) ? v : "" } }); };
  const options = [["", "Not set (inherit)"], ...ACTIONS.map((a) => [a, a] as const)] as const;
  const level = target.type === "agent" ? "agent" : "project";
  return (
    <form onSubmit={(e) => { e.preventDefault(); run(() => save(target, documentFromForm(form))); }} aria-label="Policy">
      {!confirmRemove && <ErrorNote error={state.error} />}
      {state.saved && <Notice kind="ok">Saved. It applies here at once and everywhere within about a minute.</Notice>}
      {DIRECTIONS.map((d) => (
        <fieldset key={d}>
          <legend>{d === "input" ? "In requests" : "In answers"}</legend>
          <div class="form-row">
            {CATEGORIES.map((c) => (
              <SelectField key={c} label={c === "pii" ? "Personal data" : c === "secrets" ? "Secrets" : "Injection"} disabled={!mayWrite} value={form.actions[`${d}.${c}`]} onValue={(v) => { setAction(`${d}.${c}`, v); }} options={options} />
            ))}
          </div>
        </fieldset>
      ))}
      <fieldset>
        <legend>Models</legend>
        <SelectField label="Allowed models" disabled={!mayWrite} value={form.modelsMode} onValue={(v) => { patch({ modelsMode: v === "any" || v === "list" ? v : "inherit" }); }} options={[["inherit", "Not set (inherit)"], ["any", "No restriction here"], ["list", "Only these…"]]} />
        {form.modelsMode === "list" && <TextField label="Model names" disabled={!mayWrite} value={form.models} onValue={(models) => { patch({ models }); }} hint="Comma-separated, e.g. gpt-4o-mini, claude-3-5-haiku-latest" />}
      </fieldset>
      {!mayWrite && <p class="muted">Read-only for your role.</p>}
      {target.type === "agent" && mayWrite && !mayDelete && <p class="muted">As the agent's owner you may make its policy stricter, not looser.</p>}
      <div class="actions">
        <Button type="submit" variant="primary" allowed={mayWrite} busy={state.busy && !confirmRemove}>Save policy</Button>
        <Button allowed={mayDelete} disabled={stored.id === null} onClick={() => { setState({ busy: false, error: null, saved: false }); setConfirmRemove(true); }}>Remove this level's policy</Button>
      </div>
      <p class="muted">{stored.updated_at === null ? "No policy stored at this level." : `Last changed ${formatDateTime(stored.updated_at)}.`}</p>
      <ConfirmDialog open={confirmRemove} title={`Remove the ${level} policy?`} confirmLabel="Remove policy" danger busy={state.busy} onConfirm={() => { run(() => remove(target)); }} onCancel={() => { setConfirmRemove(false); }}>
        <ErrorNote error={state.error} />
        <p>Every setting stored at this {level} level goes{target.type === "agent" ? ", and what the project and the defaults say applies to the agent" : ", and what the defaults say applies to its agents (unless an agent sets its own)"}. It applies at once.</p>
      </ConfirmDialog>
    </form>
  );
}

/** Edits the policy stored at one level (agent or project). */
export function PolicyEditor({ target }: { target: Target }) {
  const q = useQuery(() => load(target), [target.type, target.id]);
  return (
    <Panel title={target.type === "agent" ? "Agent policy" : "Project policy"}>
      <QueryView query={q}>{(stored) => <Editor key={stored.updated_at ?? "none"} target={target} stored={stored} onSaved={q.reload} />}</QueryView>
    </Panel>
  );
}
