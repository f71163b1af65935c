import { useState } from "preact/hooks";
import { call } from "../../api/api";
import type { AgentDetail } from "../../api/types";
import { useGate } from "../../auth/use-gate";
import { Button } from "../../components/button";
import { ConfirmDialog } from "../../components/dialog";
import { ErrorNote } from "../../components/feedback";
import { forgetNames } from "../../state/lookups";
import { navigate } from "../../state/router";
import { useAction } from "../../state/query";

type Pending = "suspend" | "delete" | null;

/** Suspend (owner's kill switch), activate (admins only), delete — each confirmed first. */
export function AgentActions({ agent, onChanged }: { agent: AgentDetail; onChanged: () => void }) {
  const { can } = useGate();
  const [pending, setPending] = useState<Pending>(null);
  const action = useAction();
  if (agent.status === "deleted") return null;
  const confirm = () => {
    if (pending === "suspend") void action.run(() => call("suspendAgent", { params: { id: agent.id } }), () => { setPending(null); onChanged(); });
    if (pending === "delete")
      void action.run(() => call("deleteAgent", { params: { id: agent.id } }), () => {
        setPending(null);
        forgetNames("agents");
        navigate("/agents");
      });
  };
  return (
    <>
      {agent.status === "active" ? (
        <Button allowed={can("suspendAgent", agent)} onClick={() => { setPending("suspend"); }}>
          Suspend
        </Button>
      ) : (
        <Button allowed={can("activateAgent", agent)} busy={action.busy && pending === null} onClick={() => void action.run(() => call("activateAgent", { params: { id: agent.id } }), onChanged)}>
          Activate
        </Button>
      )}
      <Button variant="danger" allowed={can("deleteAgent", agent)} onClick={() => { setPending("delete"); }}>
        Delete
      </Button>
      {pending === null && <ErrorNote error={action.error} />}
      <ConfirmDialog open={pending !== null} title={pending === "delete" ? `Delete ${agent.name}?` : `Suspend ${agent.name}?`} confirmLabel={pending === "delete" ? "Delete agent" : "Suspend agent"} danger busy={action.busy} onConfirm={confirm} onCancel={() => { setPending(null); action.clear(); }}>
        <ErrorNote error={action.error} />
        {pending === "delete" ? (
          <p>Its token is revoked and its leases close at once; its history stays readable. This cannot be undone.</p>
        ) : (
          <p>Its next gateway call is refused (agent_suspended). Only an administrator can activate it again.</p>
        )}
      </ConfirmDialog>
    </>
  );
}
