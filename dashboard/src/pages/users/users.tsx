import { useState } from "preact/hooks";
import { call } from "../../api/api";
import type { Role, User } from "../../api/types";
import { useGate } from "../../auth/use-gate";
import { StatusBadge } from "../../components/badges";
import { Button } from "../../components/button";
import { ErrorNote, QueryView } from "../../components/feedback";
import { SelectField, TextField } from "../../components/field";
import { PageHeader, Panel } from "../../components/page";
import { SecretOnce } from "../../components/secret";
import { DataTable, type Column } from "../../components/table";
import { formatDate, formatRelative } from "../../format/dates";
import { useDraft } from "../../state/draft";
import { forgetNames } from "../../state/lookups";
import { useSearch } from "../../state/router";
import { useAction, useQuery } from "../../state/query";
import { CreateUser } from "./create-user";
import { asUserChangeKind, UserDialog, type UserChange, type UserChangeKind } from "./user-dialogs";

const ROLES: readonly (readonly [Role, string])[] = [["admin", "Admin"], ["user", "User (developer)"], ["viewer", "Viewer (read-only)"]];
const asRole = (v: string | null): Role | undefined => ROLES.find(([r]) => r === v)?.[0];
const asStatus = (v: string | null): User["status"] | undefined => (v === "active" || v === "suspended" || v === "deleted" ? v : undefined);

/** Accounts (admins only): create, change role, suspend/activate, reset password, delete. */
export function UsersPage() {
  const { can, me } = useGate();
  const [params, setParams] = useSearch();
  // The open dialog is a draft: after a session ends and the same person signs in again, it reopens as it was.
  const [open, setOpen, close] = useDraft("user-change", { kind: "", id: "" });
  const [secret, setSecret] = useState<{ email: string; password: string } | null>(null);
  const activate = useAction();
  const q = params.get("q") ?? "";
  const role = params.get("role") ?? "";
  const status = params.get("status") ?? "";
  const list = useQuery(() => call("listUsers", { query: { limit: 100, ...(q ? { q } : {}), role: asRole(role), status: asStatus(status) } }), [q, role, status]);
  const setChange = (kind: UserChangeKind, user: User) => { setOpen({ kind, id: user.id }); };
  const openKind = asUserChangeKind(open.kind);
  const openUser = list.data?.data.find((u) => u.id === open.id && u.status !== "deleted");
  const change: UserChange | null = openKind !== undefined && openUser !== undefined ? { kind: openKind, user: openUser } : null;
  const changed = () => {
    forgetNames("users");
    list.reload();
  };
  const self = (u: User) => u.id === me?.id;
  const columns: Column<User>[] = [
    { key: "email", label: "Email", sort: (u) => u.email, render: (u) => <>{u.email}{self(u) && <span class="muted"> (you)</span>}<span class="sub mono">{u.id}</span></> },
    { key: "role", label: "Role", sort: (u) => u.role, render: (u) => u.role },
    { key: "status", label: "Status", sort: (u) => u.status, render: (u) => <StatusBadge status={u.status} /> },
    { key: "login", label: "Last sign-in", sort: (u) => u.last_login_at, render: (u) => (u.last_login_at === null ? <span class="muted">never</span> : formatRelative(u.last_login_at)) },
    { key: "created", label: "Created", sort: (u) => u.created_at, render: (u) => formatDate(u.created_at) },
    {
      key: "actions",
      label: "Actions",
      wrap: true,
      render: (u) =>
        u.status === "deleted" ? null : (
          <div class="row">
            <Button small allowed={can("changeUserRole") && !self(u)} onClick={() => { setChange("role", u); }}>Role</Button>
            {u.status === "active" ? (
              <Button small allowed={can("suspendUser") && !self(u)} onClick={() => { setChange("suspend", u); }}>Suspend</Button>
            ) : (
              <Button small allowed={can("activateUser")} onClick={() => void activate.run(() => call("activateUser", { params: { id: u.id } }), changed)}>Activate</Button>
            )}
            <Button small allowed={can("resetUserPassword")} onClick={() => { setChange("reset", u); }}>Reset password</Button>
            <Button small variant="danger" allowed={can("deleteUser") && !self(u)} onClick={() => { setChange("delete", u); }}>Delete</Button>
          </div>
        ),
    },
  ];
  return (
    <>
      <PageHeader title="Users" lead="Admins see and change everything; users (developers) their own agents; viewers read only." />
      {secret !== null && <SecretOnce title={`Password of ${secret.email}`} secret={secret.password} note="Generated password: hand it over securely. It is shown only this once." onDone={() => { setSecret(null); }} />}
      {can("createUser") && <CreateUser roles={ROLES} onCreated={(u) => { changed(); if (u.generated_password !== undefined) setSecret({ email: u.email, password: u.generated_password }); }} />}
      <ErrorNote error={activate.error} />
      <Panel title="Accounts">
        <div class="filters" data-read role="search">
          <TextField label="Email contains" type="search" value={q} onValue={(v) => { setParams({ q: v }); }} />
          <SelectField label="Role" value={role} onValue={(v) => { setParams({ role: v }); }} options={[["", "Any"], ...ROLES]} />
          <SelectField label="Status" value={status} onValue={(v) => { setParams({ status: v }); }} options={[["", "Active and suspended"], ["active", "Active"], ["suspended", "Suspended"], ["deleted", "Deleted"]]} />
        </div>
        <QueryView query={list}>{(page) => <DataTable rows={page.data} columns={columns} rowKey={(u) => u.id} caption="Accounts, newest first." phoneFirst={["email", "actions", "status"]} empty="No account matches." />}</QueryView>
      </Panel>
      {change !== null && <UserDialog key={`${change.kind}-${change.user.id}`} change={change} roles={ROLES} onClose={() => { close(); }} onDone={(password) => { const email = change.user.email; close(); changed(); if (password !== undefined) setSecret({ email, password }); }} />}
    </>
  );
}
