import { useState } from "preact/hooks";
import { call } from "../../api/api";
import { fieldProblem } from "../../api/errors";
import { useGate } from "../../auth/use-gate";
import { Button } from "../../components/button";
import { ErrorNote } from "../../components/feedback";
import { SelectField, TextField } from "../../components/field";
import { Panel } from "../../components/page";
import { SecretOnce } from "../../components/secret";
import { parseUsdInput } from "../../format/money";
import { useDraft } from "../../state/draft";
import { forgetNames, useNames } from "../../state/lookups";
import { Link } from "../../state/router";
import { useAction } from "../../state/query";

/** Splits "gpt-4o-mini, claude-3-5-haiku" into model names; empty means "every model of its providers". */
export function parseModels(text: string): string[] | null {
  const models = text.split(/[\s,]+/).map((m) => m.trim()).filter(Boolean);
  return models.length === 0 ? null : [...new Set(models)];
}

/** New agent: name, budget, owner (admins), providers, models. The answer carries its token, shown once. */
export function CreateAgent({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const { me } = useGate();
  const users = useNames("users");
  const providers = useNames("providers");
  const [form, patch, reset] = useDraft("create-agent", { name: "", budget: "10", owner: "", providers: "", models: "" });
  const [created, setCreated] = useState<{ id: string; name: string; token: string } | null>(null);
  const action = useAction();
  const isAdmin = me?.effective_role === "admin";
  // Users create agents with no budget and ask for one with a budget request; admins set it here.
  const budget = isAdmin ? parseUsdInput(form.budget) : ({ ok: true, usd: "0.000000" } as const);
  const chosen = form.providers.split(",").filter(Boolean);
  const toggle = (id: string) => { patch({ providers: (chosen.includes(id) ? chosen.filter((p) => p !== id) : [...chosen, id]).join(",") }); };
  const submit = (e: Event) => {
    e.preventDefault();
    if (!budget.ok) return;
    const body = {
      name: form.name.trim(),
      budget_usd: budget.usd,
      provider_ids: chosen,
      allowed_models: parseModels(form.models),
      ...(form.owner !== "" ? { owner_id: form.owner } : {}),
    };
    void action.run(() => call("createAgent", { body }), (agent) => {
      reset();
      forgetNames("agents");
      setCreated({ id: agent.id, name: agent.name, token: agent.token });
      onCreated();
    });
  };
  if (created !== null) {
    return (
      <Panel title={`Agent “${created.name}” created`}>
        <SecretOnce title="Agent token" secret={created.token} note="Give this token to the agent as its API key (OpenAI or Anthropic client, base URL = the gateway's /v1). It is shown only now; regenerate it from the agent's page if it is lost." onDone={onClose} />
        <Link href={`/agents/${created.id}`}>Open the agent</Link>
      </Panel>
    );
  }
  return (
    <Panel title="New agent">
      <form onSubmit={submit} aria-label="New agent">
        <ErrorNote error={action.error} />
        <div class="form-row">
          <TextField label="Name" required maxLength={100} value={form.name} onValue={(name) => { patch({ name }); }} problem={fieldProblem(action.error, "name")} />
          {isAdmin ? (
            <TextField label="Budget (USD)" inputMode="decimal" required value={form.budget} onValue={(v) => { patch({ budget: v }); }} problem={budget.ok ? fieldProblem(action.error, "budget_usd") : budget.message} />
          ) : (
            <p class="muted">The agent starts with no budget: ask for one under Budget requests once it exists.</p>
          )}
          {isAdmin && (
            <SelectField label="Owner" value={form.owner} onValue={(owner) => { patch({ owner }); }} options={[["", "Me"], ...[...users].filter(([id]) => id !== me?.id).map(([id, email]) => [id, email] as const)]} hint="The user who runs it, sees it and can ask for more budget." />
          )}
        </div>
        <fieldset>
          <legend>Providers</legend>
          {providers.size === 0 && <p class="muted">No provider yet: an admin adds one under Providers.</p>}
          {[...providers].map(([id, name]) => (
            <label key={id} style={{ display: "block", marginBottom: "0.35rem" }}>
              <input type="checkbox" checked={chosen.includes(id)} onChange={() => { toggle(id); }} /> {name} <span class="muted mono">{id}</span>
            </label>
          ))}
        </fieldset>
        <TextField label="Allowed models" value={form.models} onValue={(models) => { patch({ models }); }} hint="Comma-separated, e.g. gpt-4o-mini. Empty: every priced model of its providers." problem={fieldProblem(action.error, "allowed_models")} />
        <div class="actions">
          <Button type="submit" variant="primary" busy={action.busy} disabled={!budget.ok || form.name.trim() === ""}>
            Create agent
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </div>
      </form>
    </Panel>
  );
}
