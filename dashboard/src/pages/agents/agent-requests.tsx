import { call } from "../../api/api";
import { QueryView } from "../../components/feedback";
import { Panel } from "../../components/page";
import { Link } from "../../state/router";
import { useQuery } from "../../state/query";
import { RequestsTable } from "../shared/requests-table";

/** The agent's latest gateway calls. */
export function AgentRequests({ agentId }: { agentId: string }) {
  const q = useQuery(() => call("listRequests", { query: { agent_id: agentId, limit: 20 } }), [agentId]);
  return (
    <Panel title="Recent requests" aside={<button type="button" class="small" data-read onClick={q.reload}>Refresh</button>}>
      <QueryView query={q}>{(page) => <RequestsTable rows={page.data} showAgent={false} />}</QueryView>
      <p class="muted">
        Safety findings of all agents: <Link href="/safety">Safety events</Link>.
      </p>
    </Panel>
  );
}
