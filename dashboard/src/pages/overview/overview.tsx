import { useState } from "preact/hooks";
import { call } from "../../api/api";
import { ErrorNote } from "../../components/feedback";
import { forPeriod, PeriodPicker, periodQuery, type PeriodValue } from "../../components/period-picker";
import { PageHeader, Panel, StatCard } from "../../components/page";
import { formatUsd } from "../../format/money";
import { formatInt, formatPercent } from "../../format/numbers";
import { useQuery } from "../../state/query";
import { SpendBreakdown } from "../shared/breakdown";
import { SpendOverTime } from "../shared/spend-over-time";
import { AgentsAtRisk } from "./agents-at-risk";
import { PendingRequests } from "./pending-requests";
import { RecentSafety } from "./recent-safety";

export function Totals({ period }: { period: PeriodValue }) {
  const pq = periodQuery(period);
  const q = useQuery(() => forPeriod(pq, (query) => call("getAnalyticsSpend", { query })), [JSON.stringify(pq)]);
  const t = q.data?.totals;
  // Waiting: "…"; failed, or no valid period: "—" (the error is shown above the cards, the period's problem by its picker).
  const none = q.data === null || (q.error !== null && q.error !== undefined) ? "—" : "…";
  return (
    <>
      <ErrorNote error={q.error} />
      <div class="cards">
        <StatCard label="Spend" value={t === undefined ? none : formatUsd(t.cost_usd)} sub="in the period" testId="total-spend" />
        <StatCard label="Requests" value={t === undefined ? none : formatInt(t.requests)} sub={t === undefined ? "" : `${formatInt(t.errors)} errors`} />
        <StatCard label="Success rate" value={t === undefined ? none : formatPercent(t.success_rate, "ratio")} />
        <StatCard label="Tokens" value={t === undefined ? none : formatInt(t.tokens.total)} sub={t === undefined ? "" : `${formatInt(t.tokens.input)} in · ${formatInt(t.tokens.output)} out`} />
      </div>
    </>
  );
}

/** The first screen: spend over time and by agent/model/provider, agents at risk, pending requests, safety events. */
export function OverviewPage() {
  const [period, setPeriod] = useState<PeriodValue>({ period: "last-7-days", from: "", to: "" });
  return (
    <>
      <PageHeader title="Overview" lead="Spend, budgets at risk and what needs attention.">
        <PeriodPicker value={period} onChange={setPeriod} />
      </PageHeader>
      <Totals period={period} />
      <Panel title="Spend over time">
        <SpendOverTime period={period} />
      </Panel>
      <div class="grid-3">
        <Panel title="By agent">
          <SpendBreakdown period={period} by="agent" />
        </Panel>
        <Panel title="By model">
          <SpendBreakdown period={period} by="model" />
        </Panel>
        <Panel title="By provider">
          <SpendBreakdown period={period} by="provider" />
        </Panel>
      </div>
      <div style={{ height: "1rem" }} />
      <AgentsAtRisk />
      <div class="grid-2">
        <PendingRequests />
        <RecentSafety />
      </div>
    </>
  );
}
