import { call } from "../../api/api";
import { StatusBadge } from "../../components/badges";
import { QueryView } from "../../components/feedback";
import { Panel } from "../../components/page";
import { formatRelative } from "../../format/dates";
import { useNames } from "../../state/lookups";
import { Link } from "../../state/router";
import { useQuery } from "../../state/query";
import { safetyEvents } from "../safety-events";

/** The latest requests in which the safety firewall found something (the server filters the request log). */
export function RecentSafety() {
  const agents = useNames("agents");
  const q = useQuery(() => call("listRequests", { query: { limit: 10, safety: "any" } }), []);
  return (
    <Panel title="Recent safety events" aside={<Link href="/safety">All safety events</Link>}>
      <QueryView query={q} empty={(p) => safetyEvents(p.data).length === 0} emptyText="No safety finding yet.">
        {(page) => (
          <ul class="bars wrap">
            {safetyEvents(page.data)
              .slice(0, 6)
              .map((e) => (
                <li key={e.key} style={{ gridTemplateColumns: "1fr max-content" }}>
                  <span class="name">
                    {e.finding.category} · {e.finding.label} <span class="muted">({e.finding.direction})</span>
                    <span class="muted"> · {agents.get(e.request.agent_id ?? "") ?? e.request.agent_id ?? "—"} · {formatRelative(e.request.created_at)}</span>
                  </span>
                  <StatusBadge status={e.finding.action} />
                </li>
              ))}
          </ul>
        )}
      </QueryView>
    </Panel>
  );
}
