import { useState } from "preact/hooks";
import { call } from "../../api/api";
import { RiskBadge, StatusBadge } from "../../components/badges";
import { QueryView } from "../../components/feedback";
import { PeriodPicker, type PeriodValue } from "../../components/period-picker";
import { PageHeader, Panel, StatCard } from "../../components/page";
import { BudgetGauge, RadialGauge } from "../../charts/gauge";
import { formatDateTime } from "../../format/dates";
import { formatUsd } from "../../format/money";
import { formatInt } from "../../format/numbers";
import { userLabel, useNames } from "../../state/lookups";
import { Link } from "../../state/router";
import { useQuery } from "../../state/query";
import { SpendOverTime } from "../shared/spend-over-time";
import { AgentActions } from "./agent-actions";
import { AgentLeases } from "./agent-leases";
import { AgentRequests } from "./agent-requests";
import { AgentToken } from "./agent-token";

const limit = (n: number | null) => (n === null ? "unlimited" : formatInt(n));

/** One agent: budget gauges, spend over time, token, leases, recent requests, and the owner's/admin's actions. */
export function AgentDetailPage({ params }: { params: Record<string, string> }) {
  const id = params.id ?? "";
  const users = useNames("users");
  const providers = useNames("providers");
  const q = useQuery(() => call("getAgent", { params: { id } }), [id]);
  const [period, setPeriod] = useState<PeriodValue>({ period: "last-7-days", from: "", to: "" });
  return (
    <QueryView query={q}>
      {(a) => (
        <>
          <PageHeader title={a.name} lead={<><span class="mono">{a.id}</span> · owner {userLabel(a.owner_id, users)} · <StatusBadge status={a.status} /></>}>
            <AgentActions agent={a} onChanged={q.reload} />
          </PageHeader>
          <div class="cards">
            <StatCard label="Spent" value={formatUsd(a.spent_usd)} sub={`of ${formatUsd(a.budget_usd)}`} testId="agent-spent" />
            <StatCard label="Remaining" value={formatUsd(a.remaining_usd)} sub={<RiskBadge level={a.risk_level} />} />
            <StatCard label="Reserved (in flight)" value={formatUsd(a.reserved_usd)} sub={`${formatInt(a.open_reservations)} open calls`} />
            <StatCard label="Leased out" value={formatUsd(a.leased_out_usd)} sub={`${formatInt(a.open_leases)} open leases`} />
          </div>
          <div class="grid-2">
            <Panel title="Budget">
              <div class="row" style={{ alignItems: "center", gap: "1.25rem" }}>
                <RadialGauge percent={a.percent_used} risk={a.risk_level} label="Budget used" />
                <div style={{ flex: "1 1 220px" }}>
                  <BudgetGauge budget={a.budget_usd} spent={a.spent_usd} reserved={a.reserved_usd} leased={a.leased_out_usd} risk={a.risk_level} legend />
                  <p class="muted">
                    <Link href={`/limits?agent=${a.id}`}>Budget and limits</Link> · <Link href={`/budget-requests?agent=${a.id}`}>Budget requests</Link> · <Link href={`/policies?agent=${a.id}`}>Policy</Link>
                  </p>
                </div>
              </div>
            </Panel>
            <Panel title="Configuration">
              <dl class="facts">
                <dt>Providers</dt>
                <dd>{a.provider_ids.length === 0 ? "none" : a.provider_ids.map((p) => providers.get(p) ?? p).join(", ")}</dd>
                <dt>Models</dt>
                <dd>{a.allowed_models === null ? "every priced model of its providers" : a.allowed_models.join(", ")}</dd>
                <dt>Rate limits</dt>
                <dd>{limit(a.rate_limits.requests_per_minute)} req/min · {limit(a.rate_limits.tokens_per_minute)} tokens/min · {limit(a.rate_limits.concurrent_requests)} concurrent</dd>
                <dt>On disconnect</dt>
                <dd>{a.disconnect_policy === "drain" ? "read to the provider's usage (drain)" : "charge the whole reservation"}</dd>
                <dt>Created</dt>
                <dd>{formatDateTime(a.created_at)}</dd>
              </dl>
            </Panel>
          </div>
          <div style={{ height: "1rem" }} />
          <Panel title="Spend over time" aside={<PeriodPicker value={period} onChange={setPeriod} />}>
            <SpendOverTime period={period} agentId={a.id} label={`Spend of ${a.name}`} />
          </Panel>
          <div class="grid-2">
            <AgentToken agent={a} onChanged={q.reload} />
            <AgentLeases agent={a} />
          </div>
          <div style={{ height: "1rem" }} />
          <AgentRequests agentId={a.id} />
        </>
      )}
    </QueryView>
  );
}
