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
import { useDraft } from "../../state/draft";
import { userLabel, useNames } from "../../state/lookups";
import { Link, useSearch } from "../../state/router";
import { useQuery } from "../../state/query";
import { CreateRequest } from "./create-request";
import { asDecisionKind, Decide, type Decision, type DecisionKind } from "./decide";

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
  const q = useQuery(() => call("listBudgetRequests", { query: { limit: 100, status: asStatus(status), ...(agent ? { agent_id: agent } : {}) } }), [status, agent]);
  // The open decision is a draft too: after a session ends and the same person signs in again, it reopens with
  // what they typed in it (decide.tsx).
  const [open, setOpen, close] = useDraft("budget-decision", { kind: "", id: "" });
  const decide = (kind: DecisionKind, request: BudgetRequest) => { setOpen({ kind, id: request.id }); };
  const openKind = asDecisionKind(open.kind);
  const openRequest = q.data?.data.find((r) => r.id === open.id && r.status === "pending");
  const decision: Decision | null = openKind !== undefined && openRequest !== undefined ? { kind: openKind, request: openRequest } : null;
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
            <Button small variant="primary" allowed={can("approveBudgetRequest")} onClick={() => { decide("approve", r); }}>Approve</Button>
            <Button small allowed={can("rejectBudgetRequest")} onClick={() => { decide("reject", r); }}>Reject</Button>
            <Button small variant="ghost" allowed={can("cancelBudgetRequest") && (r.requester_id === me?.id || me?.effective_role === "admin")} onClick={() => { decide("cancel", r); }}>Cancel</Button>
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
          {(page) => <DataTable rows={page.data} columns={columns} rowKey={(r) => r.id} caption="Budget requests, newest first." phoneFirst={["agent", "actions", "amount", "status"]} empty={status === "pending" ? "No request is waiting." : "No request matches."} />}
        </QueryView>
      </Panel>
      {decision !== null && <Decide key={`${decision.kind}-${decision.request.id}`} decision={decision} onClose={() => { close(); }} onDone={() => { close(); q.reload(); }} />}
    </>
  );
}
