import { call } from "../../api/api";
import { useGate } from "../../auth/use-gate";
import { RiskBadge } from "../../components/badges";
import { QueryView } from "../../components/feedback";
import { BudgetGauge } from "../../charts/gauge";
import { formatDateTime } from "../../format/dates";
import { formatUsd } from "../../format/money";
import { userLabel, useNames } from "../../state/lookups";
import { Link } from "../../state/router";
import { useQuery } from "../../state/query";
import { BudgetForm } from "./budget-form";
import { RateLimitsForm } from "./rate-limits-form";

/** One agent's budget figures, the forms to change its budget and rate limits, and its budget history. */
export function AgentLimitsPanel({ agentId, onChanged }: { agentId: string; onChanged: () => void }) {
  const { can } = useGate();
  const users = useNames("users");
  const limits = useQuery(() => call("getAgentLimits", { params: { id: agentId } }), [agentId]);
  const history = useQuery(() => call("listBudgetHistory", { query: { target_type: "agent", target_id: agentId, limit: 10 } }), [agentId, limits.data]);
  const changed = () => {
    limits.reload();
    onChanged();
  };
  return (
    <QueryView query={limits}>
      {(l) => (
        <div class="stack">
          <div>
            <p>
              <Link href={`/agents/${agentId}`}>Open the agent</Link> · budget <strong>{formatUsd(l.budget_usd)}</strong>, remaining <strong data-testid="limits-remaining">{formatUsd(l.remaining_usd)}</strong> <RiskBadge level={l.risk_level} />
            </p>
            <BudgetGauge budget={l.budget_usd} spent={l.spent_usd} reserved={l.reserved_usd} leased={l.leased_out_usd} risk={l.risk_level} legend />
          </div>
          <div class="grid-2">
            <BudgetForm agentId={agentId} current={l.budget_usd} allowed={can("setAgentBudget")} onChanged={changed} />
            <RateLimitsForm agentId={agentId} current={l.rate_limits} allowed={can("setAgentRateLimits")} onChanged={changed} />
          </div>
          <div>
            <h3>Budget history</h3>
            <QueryView query={history} empty={(p) => p.data.length === 0} emptyText="No change recorded.">
              {(page) => (
                <ul class="bars wrap">
                  {page.data.map((h) => (
                    <li key={h.id} style={{ gridTemplateColumns: "1fr max-content" }}>
                      <span class="name">
                        {formatDateTime(h.at)} · {h.source.replace("_", " ")} by {userLabel(h.actor_id, users)}
                        {h.reason !== null && <span class="muted"> — {h.reason}</span>}
                      </span>
                      <span class="val">
                        {h.old_budget_usd === null ? "" : `${formatUsd(h.old_budget_usd)} → `}
                        <strong>{formatUsd(h.new_budget_usd)}</strong>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </QueryView>
          </div>
        </div>
      )}
    </QueryView>
  );
}
