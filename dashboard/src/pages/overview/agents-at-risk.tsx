import { call } from "../../api/api";
import type { RiskLevel } from "../../api/types";
import { RiskBadge } from "../../components/badges";
import { QueryView } from "../../components/feedback";
import { Panel } from "../../components/page";
import { BudgetGauge } from "../../charts/gauge";
import { formatUsd } from "../../format/money";
import { formatInt } from "../../format/numbers";
import { Link } from "../../state/router";
import { useQuery } from "../../state/query";

const LEVELS: readonly RiskLevel[] = ["low", "medium", "high", "critical", "exhausted"];
const AT_RISK = new Set<RiskLevel>(["high", "critical", "exhausted"]);

/** How many agents are at each risk level, and the ones at high risk or worse with their gauges. */
export function AgentsAtRisk() {
  const q = useQuery(() => call("getAnalyticsBudgetStatus", { query: { limit: 100 } }), []);
  return (
    <Panel title="Budgets by risk level">
      <QueryView query={q}>
        {(answer) => {
          const risky = answer.data.filter((a) => AT_RISK.has(a.risk_level)).sort((a, b) => b.percent_used - a.percent_used).slice(0, 8);
          return (
            <>
              <div class="risk-strip" data-testid="risk-counts">
                {LEVELS.map((level) => (
                  <div class="card" key={level}>
                    <div class="value">{formatInt(answer.counts[level])}</div>
                    <RiskBadge level={level} />
                  </div>
                ))}
              </div>
              <h3 style={{ marginTop: "1rem" }}>Agents at risk</h3>
              {risky.length === 0 ? (
                <p class="muted">No agent has used 80% or more of its budget.</p>
              ) : (
                <ul class="bars">
                  {risky.map((a) => (
                    <li key={a.agent_id}>
                      <span class="name">
                        <Link href={`/agents/${a.agent_id}`}>{a.name}</Link>
                      </span>
                      <BudgetGauge budget={a.budget_usd} spent={a.spent_usd} reserved={a.reserved_usd} leased={a.leased_out_usd} risk={a.risk_level} />
                      <span class="val">
                        {formatUsd(a.remaining_usd)} left <RiskBadge level={a.risk_level} />
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </QueryView>
    </Panel>
  );
}
