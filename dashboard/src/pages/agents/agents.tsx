import { useState } from "preact/hooks";
import { call } from "../../api/api";
import type { AgentSummary, BudgetStatusRow, Page } from "../../api/types";
import { useGate } from "../../auth/use-gate";
import { RiskBadge, StatusBadge } from "../../components/badges";
import { Button } from "../../components/button";
import { QueryView } from "../../components/feedback";
import { SelectField, TextField } from "../../components/field";
import { PageHeader, Panel } from "../../components/page";
import { DataTable, type Column } from "../../components/table";
import { BudgetGauge } from "../../charts/gauge";
import { formatDate } from "../../format/dates";
import { formatUsd, usdNumber } from "../../format/money";
import { userLabel, useNames } from "../../state/lookups";
import { Link, useSearch } from "../../state/router";
import { useQuery } from "../../state/query";
import { CreateAgent } from "./create-agent";

interface Row {
  readonly agent: AgentSummary;
  readonly budget: BudgetStatusRow | undefined;
}

async function loadAgents(query: Record<string, string>, pages: number): Promise<{ rows: Row[]; more: boolean }> {
  const status = await call("getAnalyticsBudgetStatus", { query: { limit: 100 } }).catch(() => null);
  const byId = new Map((status?.data ?? []).map((s) => [s.agent_id, s]));
  const agents: AgentSummary[] = [];
  let cursor: string | null = null;
  let page: Page<AgentSummary> | null = null;
  for (let i = 0; i < pages; i++) {
    page = await call("listAgents", { query: { ...query, limit: 50, ...(cursor === null ? {} : { cursor }) } });
    agents.push(...page.data);
    cursor = page.pagination.next_cursor;
    if (cursor === null) break;
  }
  return { rows: agents.map((agent) => ({ agent, budget: byId.get(agent.id) })), more: cursor !== null };
}

export function AgentsPage() {
  const { can } = useGate();
  const users = useNames("users");
  const [params, setParams] = useSearch();
  const [pages, setPages] = useState(1);
  const [creating, setCreating] = useState(false);
  const q = params.get("q") ?? "";
  const status = params.get("status") ?? "";
  const risk = params.get("risk") ?? "";
  const query = useQuery(() => loadAgents({ ...(q ? { q } : {}), ...(status ? { status } : {}) }, pages), [q, status, pages]);
  const columns: Column<Row>[] = [
    { key: "name", label: "Agent", sort: (r) => r.agent.name.toLowerCase(), render: (r) => <><Link href={`/agents/${r.agent.id}`}>{r.agent.name}</Link><span class="sub mono">{r.agent.id}</span></> },
    { key: "status", label: "Status", sort: (r) => r.agent.status, render: (r) => <StatusBadge status={r.agent.status} /> },
    { key: "owner", label: "Owner", sort: (r) => userLabel(r.agent.owner_id, users), render: (r) => userLabel(r.agent.owner_id, users) },
    { key: "gauge", label: "Budget used", sort: (r) => r.budget?.percent_used ?? -1, render: (r) => (r.budget === undefined ? <span class="muted">—</span> : <BudgetGauge budget={r.budget.budget_usd} spent={r.budget.spent_usd} reserved={r.budget.reserved_usd} leased={r.budget.leased_out_usd} risk={r.budget.risk_level} />) },
    { key: "spent", label: "Spent", numeric: true, sort: (r) => usdNumber(r.budget?.spent_usd ?? "0"), render: (r) => formatUsd(r.budget?.spent_usd ?? null) },
    { key: "budget", label: "Budget", numeric: true, sort: (r) => usdNumber(r.agent.budget_usd), render: (r) => formatUsd(r.agent.budget_usd) },
    { key: "risk", label: "Risk", sort: (r) => r.budget?.percent_used ?? -1, render: (r) => (r.budget === undefined ? "—" : <RiskBadge level={r.budget.risk_level} />) },
    { key: "created", label: "Created", sort: (r) => r.agent.created_at, render: (r) => formatDate(r.agent.created_at) },
  ];
  return (
    <>
      <PageHeader title="Agents" lead="Every agent with its budget gauge; open one for its spend, token and requests.">
        {can("createAgent") && (
          <Button variant="primary" onClick={() => { setCreating(true); }}>
            New agent
          </Button>
        )}
      </PageHeader>
      {creating && <CreateAgent onClose={() => { setCreating(false); }} onCreated={() => { query.reload(); }} />}
      <Panel>
        <div class="filters" data-read role="search">
          <TextField label="Name contains" type="search" value={q} onValue={(v) => { setParams({ q: v }); }} />
          <SelectField label="Status" value={status} onValue={(v) => { setParams({ status: v }); }} options={[["", "Active and suspended"], ["active", "Active"], ["suspended", "Suspended"], ["deleted", "Deleted"]]} />
          <SelectField label="Risk" value={risk} onValue={(v) => { setParams({ risk: v }); }} options={[["", "Any"], ["low", "Low"], ["medium", "Medium"], ["high", "High"], ["critical", "Critical"], ["exhausted", "Exhausted"]]} />
        </div>
        <QueryView query={query}>
          {(data) => (
            <>
              <DataTable rows={data.rows.filter((r) => risk === "" || r.budget?.risk_level === risk)} columns={columns} rowKey={(r) => r.agent.id} caption="Agents, newest first. Click a column heading to sort." empty="No agent matches." phoneFirst={["name", "gauge", "risk", "status"]} />
              {data.more && (
                <div class="actions" data-read>
                  <Button onClick={() => { setPages(pages + 1); }} busy={query.loading}>
                    Load more
                  </Button>
                </div>
              )}
            </>
          )}
        </QueryView>
      </Panel>
    </>
  );
}
