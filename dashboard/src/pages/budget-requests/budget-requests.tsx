import { useState } from "preact/hooks";
import { call } from "../../api/api";
import type { BudgetRequest } from "../../api/types";
import { useGate } from "../../auth/use-gate";
import { StatusBadge } from "../../components/badges";
import { Button } from "../../components/button";
import { QueryView } from "../../components/feedback";
import { SelectField } from "../../components/field";
import { PageHeader, Panel } from "../../components/page";
import { DataTable, type Column } from "../../components/table";
import { formatDateTime } from "../../format/dates";
import { formatUsd, usdNumber } from "../../format/money";
import { userLabel, useNames } from "../../state/lookups";
import { Link, useSearch } from "../../state/router";
import { useQuery } from "../../state/query";
import { CreateRequest } from "./create-request";
import { Decide, type Decision } from "./decide";

type Status = BudgetRequest["status"];
const STATUSES: readonly Status[] = ["pending", "approved", "rejected", "cancelled"];
const asStatus = (v: string | null): Status | undefined => STATUSES.find((s) => s === v);

/** Budget requests: developers ask for a new total budget with a justification; admins approve or reject. */
export function BudgetRequestsPage() {
  const { can, me } = useGate();
  const agents = useNames("agents");
  const users = useNames("users");
  const [params, setParams] = useSearch();
  const status = params.get("status") ?? "pending";
  const agent = params.get("agent") ?? "";
  const [decision, setDecision] = useState<Decision | null>(null);
  const q = useQuery(() => call("listBudgetRequests", { query: { limit: 100, status: asStatus(status), ...(agent ? { agent_id: agent } : {}) } }), [status, agent]);
  const columns: Column<BudgetRequest>[] = [
    { key: "agent", label: "Agent", sort: (r) => agents.get(r.agent_id) ?? r.agent_id, render: (r) => <Link href={`/agents/${r.agent_id}`}>{agents.get(r.agent_id) ?? r.agent_id}</Link> },
    { key: "by", label: "Asked by", sort: (r) => userLabel(r.requester_id, users), render: (r) => <>{userLabel(r.requester_id, users)}<span class="sub">{formatDateTime(r.created_at)}</span></> },
    { key: "amount", label: "Budget", numeric: true, sort: (r) => usdNumber(r.requested_budget_usd), render: (r) => <>{formatUsd(r.current_budget_usd)} → <strong>{formatUsd(r.approved_budget_usd ?? r.requested_budget_usd)}</strong>{r.approved_budget_usd !== null && r.approved_budget_usd !== r.requested_budget_usd && <span class="sub">asked {formatUsd(r.requested_budget_usd)}</span>}</> },
    { key: "why", label: "Justification", wrap: true, render: (r) => <>{r.justification}{r.review_notes !== null && <span class="sub">Review: {r.review_notes}</span>}</> },
    { key: "status", label: "Status", sort: (r) => r.status, render: (r) => <><StatusBadge status={r.status} />{r.decided_at !== null && <span class="sub">{formatDateTime(r.decided_at)} by {userLabel(r.reviewer_id, users)}</span>}</> },
    {
      key: "actions",
      label: "Actions",
      render: (r) =>
        r.status !== "pending" ? null : (
          <div class="row">
            <Button small variant="primary" allowed={can("approveBudgetRequest")} onClick={() => { setDecision({ kind: "approve", request: r }); }}>Approve</Button>
            <Button small allowed={can("rejectBudgetRequest")} onClick={() => { setDecision({ kind: "reject", request: r }); }}>Reject</Button>
            <Button small variant="ghost" allowed={can("cancelBudgetRequest") && (r.requester_id === me?.id || me?.effective_role === "admin")} onClick={() => { setDecision({ kind: "cancel", request: r }); }}>Cancel</Button>
          </div>
        ),
    },
  ];
  return (
    <>
      <PageHeader title="Budget requests" lead="Ask for a new total budget for an agent; an administrator approves (possibly with another amount) or rejects it with a note." />
      {can("createBudgetRequest") && <CreateRequest initialAgent={agent} onCreated={() => { setParams({ status: "pending" }); q.reload(); }} />}
      <Panel title="Requests">
        <div class="filters" data-read role="search">
          <SelectField label="Status" value={status} onValue={(v) => { setParams({ status: v }); }} options={[["pending", "Pending"], ["approved", "Approved"], ["rejected", "Rejected"], ["cancelled", "Cancelled"], ["all", "All"]]} />
          <SelectField label="Agent" value={agent} onValue={(v) => { setParams({ agent: v }); }} options={[["", "All agents"], ...[...agents].map(([id, name]) => [id, name] as const)]} />
        </div>
        <QueryView query={q}>
          {(page) => <DataTable rows={page.data} columns={columns} rowKey={(r) => r.id} caption="Budget requests, newest first." empty={status === "pending" ? "No request is waiting." : "No request matches."} />}
        </QueryView>
      </Panel>
      {decision !== null && <Decide decision={decision} onClose={() => { setDecision(null); }} onDone={() => { setDecision(null); q.reload(); }} />}
    </>
  );
}
