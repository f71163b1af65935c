import { call } from "../../api/api";
import type { AgentDetail, AgentLease as Lease } from "../../api/types";
import { QueryView } from "../../components/feedback";
import { Panel } from "../../components/page";
import { DataTable, type Column } from "../../components/table";
import { formatDateTime, formatRelative } from "../../format/dates";
import { formatUsd } from "../../format/money";
import { formatInt } from "../../format/numbers";
import { useQuery } from "../../state/query";

/**
 * Leases: the agent's open leases (SDK runs, runtimes, nested runs) from its budget object — what each was granted,
 * has spent and has left, and when it expires unless refreshed. Tokens are never shown (the API has none to show).
 */
export function AgentLeases({ agent }: { agent: AgentDetail }) {
  const q = useQuery(() => call("listAgentLeases", { params: { id: agent.id } }), [agent.id]);
  const columns: Column<Lease>[] = [
    { key: "id", label: "Lease", render: (l) => <><span class="mono">{l.id}</span>{l.parent_id !== null && <span class="sub">inside <span class="mono">{l.parent_id}</span></span>}</> },
    { key: "granted", label: "Granted", sort: (l) => Number(l.granted_usd), render: (l) => formatUsd(l.granted_usd) },
    { key: "spent", label: "Spent", sort: (l) => Number(l.spent_usd), render: (l) => formatUsd(l.spent_usd) },
    { key: "left", label: "Left", sort: (l) => Number(l.remaining_usd), render: (l) => formatUsd(l.remaining_usd) },
    { key: "expires", label: "Expires", sort: (l) => l.expires_at ?? "", render: (l) => (l.expires_at === null ? "—" : <span title={formatDateTime(l.expires_at)}>{formatRelative(l.expires_at)}</span>) },
  ];
  return (
    <Panel title="Leases">
      <p>
        <strong>{formatInt(agent.open_leases)}</strong> open, <strong>{formatUsd(agent.leased_out_usd)}</strong> leased out of the budget.
      </p>
      <QueryView query={q}>
        {(page) => <DataTable rows={page.data} columns={columns} rowKey={(l) => l.id} caption="Open leases, newest first." empty="No open lease." />}
      </QueryView>
    </Panel>
  );
}
