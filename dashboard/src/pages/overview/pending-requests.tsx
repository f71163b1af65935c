import { call } from "../../api/api";
import { QueryView } from "../../components/feedback";
import { Panel } from "../../components/page";
import { formatRelative } from "../../format/dates";
import { formatUsd } from "../../format/money";
import { useNames } from "../../state/lookups";
import { Link } from "../../state/router";
import { useQuery } from "../../state/query";

/** Budget requests waiting for an admin, newest first. */
export function PendingRequests() {
  const agents = useNames("agents");
  const q = useQuery(() => call("listBudgetRequests", { query: { status: "pending", limit: 6 } }), []);
  return (
    <Panel title="Pending budget requests" aside={<Link href="/budget-requests">All requests</Link>}>
      <QueryView query={q} empty={(p) => p.data.length === 0} emptyText="No request is waiting.">
        {(page) => (
          <ul class="bars wrap" data-testid="pending-requests">
            {page.data.map((r) => (
              <li key={r.id} style={{ gridTemplateColumns: "1fr max-content" }}>
                <span class="name">
                  <Link href={`/budget-requests?focus=${r.id}`}>{agents.get(r.agent_id) ?? r.agent_id}</Link>
                  <span class="muted"> · {formatRelative(r.created_at)}</span>
                </span>
                <span class="val">
                  {formatUsd(r.current_budget_usd)} → <strong>{formatUsd(r.requested_budget_usd)}</strong>
                </span>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </Panel>
  );
}
