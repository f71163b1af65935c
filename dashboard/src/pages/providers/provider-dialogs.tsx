import { useState } from "preact/hooks";
import { call } from "../../api/api";
import { errorCode, isApiError } from "../../api/errors";
import type { Provider } from "../../api/types";
import { ConfirmDialog } from "../../components/dialog";
import { ErrorNote, Notice } from "../../components/feedback";
import { TextField } from "../../components/field";
import { useAction } from "../../state/query";

/** A new key for a provider; the old key should stay valid at the vendor for a few minutes (caches). */
export function RotateKey({ provider, onClose, onDone }: { provider: Provider; onClose: () => void; onDone: () => void }) {
  const [apiKey, setApiKey] = useState("");
  const action = useAction();
  const confirm = () => {
    if (apiKey.trim() !== "") void action.run(() => call("rotateProviderKey", { params: { id: provider.id }, body: { api_key: apiKey.trim() } }), onDone);
  };
  return (
    <ConfirmDialog open title={`Rotate the key of ${provider.name}`} confirmLabel="Rotate key" busy={action.busy} onConfirm={confirm} onCancel={onClose}>
      <ErrorNote error={action.error} />
      <p>
        Current key: <code>••••{provider.key_last4}</code> (fingerprint <code>{provider.key_fingerprint}</code>). Keep it valid at the vendor for a few minutes: the gateway picks the new key up within about a minute.
      </p>
      <TextField label="New API key" type="password" autoComplete="new-password" required value={apiKey} onValue={setApiKey} hint="Write-only." />
    </ConfirmDialog>
  );
}

/** Delete; when live agents still use it the server says which, and a second confirmation detaches them. */
export function DeleteProvider({ provider, onClose, onDone }: { provider: Provider; onClose: () => void; onDone: () => void }) {
  const action = useAction();
  const [force, setForce] = useState(false);
  const inUse = errorCode(action.error) === "CONFLICT" && isApiError(action.error) ? action.error.details : undefined;
  const count = typeof inUse?.agents_count === "number" ? inUse.agents_count : null;
  const confirm = () => {
    const detach = force || inUse !== undefined;
    void action.run(() => call("deleteProvider", { params: { id: provider.id }, query: detach ? { force: "true" } : {} }), onDone);
    if (inUse !== undefined) setForce(true);
  };
  return (
    <ConfirmDialog open title={`Delete ${provider.name}?`} confirmLabel={inUse !== undefined ? "Detach from agents and delete" : "Delete provider"} danger busy={action.busy} onConfirm={confirm} onCancel={onClose}>
      {inUse !== undefined ? (
        <Notice kind="warn">
          {count ?? "Some"} live agent(s) still use this provider. Deleting it detaches it from them: their calls to its models are refused unless another provider serves them.
        </Notice>
      ) : (
        <ErrorNote error={action.error} />
      )}
      <p>The sealed key is destroyed. This cannot be undone.</p>
    </ConfirmDialog>
  );
}
