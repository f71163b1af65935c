import { useState } from "preact/hooks";
import { call } from "../../api/api";
import type { AgentDetail } from "../../api/types";
import { useGate } from "../../auth/use-gate";
import { Button } from "../../components/button";
import { ConfirmDialog } from "../../components/dialog";
import { ErrorNote } from "../../components/feedback";
import { Panel } from "../../components/page";
import { SecretOnce } from "../../components/secret";
import { formatDateTime } from "../../format/dates";
import { useAction } from "../../state/query";

/** The agent's token: its label only; regenerate (new token shown once) or revoke, both confirmed. */
export function AgentToken({ agent, onChanged }: { agent: AgentDetail; onChanged: () => void }) {
  const { can } = useGate();
  const [pending, setPending] = useState<"regenerate" | "revoke" | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);
  const action = useAction();
  const live = agent.token_label !== null;
  const confirm = () => {
    if (pending === "regenerate")
      void action.run(() => call("regenerateAgentToken", { params: { id: agent.id } }), (answer) => {
        setPending(null);
        setFresh(answer.token);
        onChanged();
      });
    if (pending === "revoke") void action.run(() => call("revokeAgentToken", { params: { id: agent.id } }), () => { setPending(null); onChanged(); });
  };
  return (
    <Panel title="Agent token">
      {fresh !== null && <SecretOnce title="New agent token" secret={fresh} note="The previous token stopped working. Copy this one now: it is shown only this once." onDone={() => { setFresh(null); }} />}
      <dl class="facts">
        <dt>Token</dt>
        <dd>{live ? <code>{agent.token_label}</code> : <span class="muted">none (revoked)</span>}</dd>
        <dt>Issued</dt>
        <dd>{formatDateTime(agent.token_created_at)}</dd>
      </dl>
      {agent.status !== "deleted" && (
        <div class="actions">
          <Button allowed={can("regenerateAgentToken", agent)} onClick={() => { setPending("regenerate"); }}>
            {live ? "Regenerate token" : "Issue a token"}
          </Button>
          <Button variant="danger" allowed={can("revokeAgentToken", agent)} disabled={!live} onClick={() => { setPending("revoke"); }}>
            Revoke token
          </Button>
        </div>
      )}
      <ConfirmDialog open={pending !== null} title={pending === "revoke" ? "Revoke the agent token?" : "Regenerate the agent token?"} confirmLabel={pending === "revoke" ? "Revoke" : "Regenerate"} danger busy={action.busy} onConfirm={confirm} onCancel={() => { setPending(null); action.clear(); }}>
        <ErrorNote error={action.error} />
        <p>The current token is refused from the agent's very next call and its leases close.{pending === "regenerate" ? " The new token is shown once." : ""}</p>
      </ConfirmDialog>
    </Panel>
  );
}
