import { useState } from "preact/hooks";
import { call } from "../api/api";
import type { ApiTokenRow, Role } from "../api/types";
import { RANK } from "../auth/roles";
import { useGate } from "../auth/use-gate";
import { StatusBadge } from "../components/badges";
import { Button } from "../components/button";
import { ConfirmDialog } from "../components/dialog";
import { ErrorNote, Notice, QueryView } from "../components/feedback";
import { SelectField, TextField } from "../components/field";
import { PageHeader, Panel } from "../components/page";
import { SecretOnce } from "../components/secret";
import { DataTable, type Column } from "../components/table";
import { formatDate, formatRelative } from "../format/dates";
import { useDraft } from "../state/draft";
import { useAction, useQuery } from "../state/query";

const ALL_ROLES: readonly Role[] = ["admin", "user", "viewer"];

const tokenState = (t: ApiTokenRow): string => (t.revoked_at !== null ? "revoked" : t.expires_at !== null && Date.parse(t.expires_at) < Date.now() ? "expired" : "active");

/** Personal API tokens for scripts and the CLI: role capped at yours, optional expiry, shown once, revocable. */
export function ApiTokensPage() {
  const { can, me } = useGate();
  const [form, patch, reset] = useDraft("api-token", { name: "", role: "", days: "90" });
  const [created, setCreated] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenRow | null>(null);
  const create = useAction();
  const revoke = useAction();
  const list = useQuery(() => call("listApiTokens", { query: { limit: 100 } }), []);
  const mine = me?.effective_role ?? "viewer";
  const roles = ALL_ROLES.filter((r) => RANK[r] <= RANK[mine]);
  const days = form.days.trim() === "" ? null : Number(form.days);
  const daysOk = days === null || (Number.isInteger(days) && days >= 1 && days <= 365);
  const allowed = can("createApiToken");
  const submit = (e: Event) => {
    e.preventDefault();
    const role = roles.find((r) => r === form.role);
    void create.run(() => call("createApiToken", { body: { name: form.name.trim(), ...(role ? { role } : {}), ...(days !== null ? { expires_in_days: days } : {}) } }), (t) => {
      reset();
      setCreated(t.token);
      list.reload();
    });
  };
  const columns: Column<ApiTokenRow>[] = [
    { key: "name", label: "Name", sort: (t) => t.name, render: (t) => <>{t.name}<span class="sub mono">{t.label}</span></> },
    { key: "role", label: "Acts as", sort: (t) => t.role, render: (t) => t.role ?? `your role (${mine})` },
    { key: "used", label: "Last used", sort: (t) => t.last_used_at, render: (t) => (t.last_used_at === null ? <span class="muted">never</span> : formatRelative(t.last_used_at)) },
    { key: "expires", label: "Expires", sort: (t) => t.expires_at, render: (t) => (t.expires_at === null ? "never" : formatDate(t.expires_at)) },
    { key: "state", label: "State", sort: tokenState, render: (t) => <StatusBadge status={tokenState(t)} /> },
    { key: "actions", label: "Actions", render: (t) => (t.revoked_at === null ? <Button small variant="danger" allowed={can("revokeApiToken")} onClick={() => { revoke.clear(); setRevoking(t); }}>Revoke</Button> : null) },
  ];
  return (
    <>
      <PageHeader title="API tokens" lead="For scripts and the iron CLI (IRON_TOKEN). A token acts as you, capped at the role you choose." />
      {created !== null && <SecretOnce title="New API token" secret={created} onDone={() => { setCreated(null); }} />}
      <Panel title="New token">
        {!allowed && <Notice>Viewers have read-only access and cannot create tokens; sign in to the CLI with `iron login` instead.</Notice>}
        <form onSubmit={submit} aria-label="New API token">
          <ErrorNote error={create.error} />
          <div class="form-row">
            <TextField label="Name" required disabled={!allowed} value={form.name} onValue={(name) => { patch({ name }); }} maxLength={100} hint="What it is for, e.g. nightly report." />
            <SelectField label="Acts as" disabled={!allowed} value={form.role} onValue={(role) => { patch({ role }); }} options={[["", `My role (${mine})`], ...roles.map((r) => [r, r] as const)]} />
            <TextField label="Expires after (days)" inputMode="numeric" disabled={!allowed} value={form.days} onValue={(v) => { patch({ days: v }); }} problem={daysOk ? null : "1 to 365 days, or empty for no expiry."} />
          </div>
          <Button type="submit" variant="primary" allowed={allowed} busy={create.busy} disabled={form.name.trim() === "" || !daysOk}>
            Create token
          </Button>
        </form>
      </Panel>
      <Panel title="Your tokens">
        <QueryView query={list}>{(page) => <DataTable rows={page.data} columns={columns} rowKey={(t) => t.id} caption="Your API tokens, newest first (never the tokens themselves)." phoneFirst={["name", "state", "actions"]} empty="No API token yet." />}</QueryView>
      </Panel>
      <ConfirmDialog open={revoking !== null} title={`Revoke ${revoking?.name ?? ""}?`} confirmLabel="Revoke token" danger busy={revoke.busy} onCancel={() => { revoke.clear(); setRevoking(null); }} onConfirm={() => revoking !== null && void revoke.run(() => call("revokeApiToken", { params: { id: revoking.id } }), () => { setRevoking(null); list.reload(); })}>
        <ErrorNote error={revoke.error} />
        <p>It is refused from its very next use.</p>
      </ConfirmDialog>
    </>
  );
}
