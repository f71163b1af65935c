import { call } from "../../api/api";
import type { BudgetStatusRow } from "../../api/types";
import { useGate } from "../../auth/use-gate";
import { RiskBadge } from "../../components/badges";
import { QueryView } from "../../components/feedback";
import { SelectField } from "../../components/field";
import { PageHeader, Panel } from "../../components/page";
import { DataTable, type Column } from "../../components/table";
import { BudgetGauge } from "../../charts/gauge";
import { formatUsd, usdNumber } from "../../format/money";
import { useNames } from "../../state/lookups";
import { Link, useSearch } from "../../state/router";
import { useQuery } from "../../state/query";
import { AgentLimitsPanel } from "./agent-limits";

/** Budgets and rate limits: every agent's budget at a glance, and one agent's limits to change (admins). */
export function LimitsPage() {
  const { can } = useGate();
  const agents = useNames("agents");
  const [params, setParams] = useSearch();
  const selected = params.get("agent") ?? "";
  const q = useQuery(() => call("getAnalyticsBudgetStatus", { query: { limit: 100 } }), [selected]);
  const columns: Column<BudgetStatusRow>[] = [
    { key: "name", label: "Agent", sort: (r) => r.name, render: (r) => <Link href={`/limits?agent=${r.agent_id}`}>{r.name}</Link> },
    { key: "gauge", label: "Used", sort: (r) => r.percent_used, render: (r) => <BudgetGauge budget={r.budget_usd} spent={r.spent_usd} reserved={r.reserved_usd} leased={r.leased_out_usd} risk={r.risk_level} /> },
    { key: "budget", label: "Budget", numeric: true, sort: (r) => usdNumber(r.budget_usd), render: (r) => formatUsd(r.budget_usd) },
    { key: "remaining", label: "Remaining", numeric: true, sort: (r) => usdNumber(r.remaining_usd), render: (r) => formatUsd(r.remaining_usd) },
    { key: "risk", label: "Risk", sort: (r) => r.percent_used, render: (r) => <RiskBadge level={r.risk_level} /> },
  ];
  return (
    <>
      <PageHeader
        title="Limits"
        lead={can("setAgentBudget") ? "Set an agent's budget and rate limits. Lowering a budget shows its impact first." : "Budgets and rate limits are set by administrators; ask for more with a budget request."}
      />
      <Panel>
        <div class="filters" data-read>
          <SelectField label="Agent" value={selected} onValue={(v) => { setParams({ agent: v }); }} options={[["", "Choose an agent…"], ...[...agents].map(([id, name]) => [id, name] as const)]} />
        </div>
        {selected !== "" && <AgentLimitsPanel key={selected} agentId={selected} onChanged={q.reload} />}
      </Panel>
      <Panel title="All budgets">
        <QueryView query={q}>{(page) => <DataTable rows={page.data} columns={columns} rowKey={(r) => r.agent_id} caption="Agent budgets from their budget objects." phoneFirst={["name", "remaining", "risk"]} empty="No agent yet." initialSort={{ key: "gauge", dir: "descending" }} />}</QueryView>
      </Panel>
    </>
  );
}
