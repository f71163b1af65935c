import { useState } from "preact/hooks";
import { call } from "../../api/api";
import type { Role, User } from "../../api/types";
import { ConfirmDialog } from "../../components/dialog";
import { ErrorNote } from "../../components/feedback";
import { SelectField, TextField } from "../../components/field";
import { useDraft } from "../../state/draft";
import { useAction } from "../../state/query";

export type UserChangeKind = "role" | "suspend" | "reset" | "delete";

export interface UserChange {
  readonly kind: UserChangeKind;
  readonly user: User;
}

export const asUserChangeKind = (v: string): UserChangeKind | undefined => (v === "role" || v === "suspend" || v === "reset" || v === "delete" ? v : undefined);

const TITLE = { role: "Change role", suspend: "Suspend account", reset: "Reset password", delete: "Delete account" } as const;
const WHAT = {
  role: "Their sessions end at once; their next sign-in carries the new role.",
  suspend: "Their sessions end at once and their API tokens are refused until the account is activated again.",
  reset: "Every session of the user ends. Leave the field empty to have a password generated (shown once).",
  delete: "Their agents pass to you, every session ends, every API token is revoked. This cannot be undone.",
} as const;

/**
 * The confirmed account changes; onDone gets a generated password when the server made one. The chosen role is a
 * draft (kept if the session ends meanwhile); a new password never is.
 */
export function UserDialog({ change, roles, onClose, onDone }: { change: UserChange; roles: readonly (readonly [Role, string])[]; onClose: () => void; onDone: (password?: string) => void }) {
  const u = change.user;
  const [draft, patch, reset] = useDraft<{ role: string }>(`user-${change.kind}-${u.id}`, { role: u.role });
  const [password, setPassword] = useState("");
  const action = useAction();
  const id = { id: u.id };
  const done = (generated?: string) => {
    reset();
    onDone(generated);
  };
  const confirm = () => {
    const newRole = roles.find(([r]) => r === draft.role)?.[0];
    if (change.kind === "role" && newRole !== undefined) void action.run(() => call("changeUserRole", { params: id, body: { role: newRole } }), () => { done(); });
    if (change.kind === "suspend") void action.run(() => call("suspendUser", { params: id }), () => { done(); });
    if (change.kind === "reset") void action.run(() => call("resetUserPassword", { params: id, body: password === "" ? {} : { password } }), (r) => { done(r.generated_password); });
    if (change.kind === "delete") void action.run(() => call("deleteUser", { params: id }), () => { done(); });
  };
  const close = () => {
    reset();
    onClose();
  };
  return (
    <ConfirmDialog open title={`${TITLE[change.kind]}: ${u.email}`} confirmLabel={TITLE[change.kind]} danger={change.kind !== "role"} busy={action.busy} onConfirm={confirm} onCancel={close}>
      <ErrorNote error={action.error} />
      <p>{WHAT[change.kind]}</p>
      {change.kind === "role" && <SelectField label="New role" value={draft.role} onValue={(role) => { patch({ role }); }} options={roles} />}
      {change.kind === "reset" && <TextField label="New password" type="password" autoComplete="new-password" value={password} onValue={setPassword} minLength={12} hint="Empty: generated." />}
    </ConfirmDialog>
  );
}
