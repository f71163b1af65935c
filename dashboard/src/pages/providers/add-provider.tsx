import { useState } from "preact/hooks";
import { call } from "../../api/api";
import { fieldProblem } from "../../api/errors";
import type { Provider } from "../../api/types";
import { Button } from "../../components/button";
import { ErrorNote } from "../../components/feedback";
import { SelectField, TextField } from "../../components/field";
import { Panel } from "../../components/page";
import { useDraft } from "../../state/draft";
import { useAction } from "../../state/query";
import { parseModels } from "../agents/create-agent";

type Kind = Provider["kind"];
const KINDS: readonly (readonly [Kind, string])[] = [["openai", "OpenAI"], ["anthropic", "Anthropic"], ["openai_compatible", "OpenAI-compatible"]];
const isKind = (v: string): v is Kind => KINDS.some(([k]) => k === v);

/** Add a provider. The key field is write-only: never kept in a draft, cleared once sent. */
export function AddProvider({ onClose, onAdded }: { onClose: () => void; onAdded: () => void }) {
  const [form, patch, reset] = useDraft("add-provider", { name: "", kind: "openai", baseUrl: "", models: "" });
  const [apiKey, setApiKey] = useState("");
  const action = useAction();
  const kind: Kind = isKind(form.kind) ? form.kind : "openai";
  const submit = (e: Event) => {
    e.preventDefault();
    const body = { name: form.name.trim(), kind, api_key: apiKey.trim(), models: parseModels(form.models), ...(form.baseUrl.trim() ? { base_url: form.baseUrl.trim() } : {}) };
    void action.run(() => call("createProvider", { body }), () => {
      setApiKey("");
      reset();
      onAdded();
    });
  };
  return (
    <Panel title="Add provider">
      <form onSubmit={submit} aria-label="Add provider" autoComplete="off">
        <ErrorNote error={action.error} />
        <div class="form-row">
          <TextField label="Name" required value={form.name} onValue={(name) => { patch({ name }); }} problem={fieldProblem(action.error, "name")} hint="Letters, digits, spaces and . : @ / - _" />
          <SelectField label="Kind" value={kind} onValue={(v) => { patch({ kind: v }); }} options={KINDS} />
        </div>
        <TextField label="Base URL" type="url" value={form.baseUrl} onValue={(baseUrl) => { patch({ baseUrl }); }} required={kind === "openai_compatible"} problem={fieldProblem(action.error, "base_url")} hint={kind === "openai_compatible" ? "Required, e.g. https://llm.example.com/v1" : "Empty: the vendor's own API."} />
        <TextField label="API key" type="password" autoComplete="new-password" required value={apiKey} onValue={setApiKey} problem={fieldProblem(action.error, "api_key")} hint="Write-only: stored encrypted; afterwards only its fingerprint and last 4 characters are shown." />
        <TextField label="Models" value={form.models} onValue={(models) => { patch({ models }); }} hint="Comma-separated; empty: every priced model of its kind." problem={fieldProblem(action.error, "models")} />
        <div class="actions">
          <Button type="submit" variant="primary" busy={action.busy} disabled={form.name.trim() === "" || apiKey.trim() === ""}>
            Add provider
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </div>
      </form>
    </Panel>
  );
}
