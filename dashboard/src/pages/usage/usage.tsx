import { call } from "../../api/api";
import { forPeriod, isPeriod, NoPeriod, PeriodPicker, periodQuery, type PeriodValue } from "../../components/period-picker";
import { PageHeader, Panel } from "../../components/page";
import { SelectField } from "../../components/field";
import { useSearch } from "../../state/router";
import { useQuery } from "../../state/query";
import { QueryView } from "../../components/feedback";
import { Totals } from "../overview/overview";
import { SpendBreakdown } from "../shared/breakdown";
import { SpendOverTime } from "../shared/spend-over-time";
import { ForecastTable } from "./forecast";
import { GroupTable, ModelTable } from "./tables";

type Group = "agent" | "model" | "provider";
const isGroup = (v: string | null): v is Group => v === "agent" || v === "model" || v === "provider";

/** Usage and analytics: a period, spend over time, breakdowns with request/latency/token figures, forecast. */
export function UsagePage() {
  const [params, setParams] = useSearch();
  const p = params.get("period");
  const period: PeriodValue = { period: isPeriod(p) ? p : "last-30-days", from: params.get("from") ?? "", to: params.get("to") ?? "" };
  const g = params.get("by");
  const by: Group = isGroup(g) ? g : "agent";
  const pq = periodQuery(period);
  const spend = useQuery(() => forPeriod(pq, (query) => call("getAnalyticsSpend", { query: { ...query, group_by: by } })), [JSON.stringify(pq), by]);
  const models = useQuery(() => forPeriod(pq, (query) => call("getAnalyticsModelUsage", { query })), [JSON.stringify(pq)]);
  return (
    <>
      <PageHeader title="Usage & forecast" lead="Gateway spend from the hourly usage rollups; forecast from each agent's last 7 days.">
        <PeriodPicker value={period} onChange={(v) => { setParams({ period: v.period, from: v.period === "custom" ? v.from : null, to: v.period === "custom" ? v.to : null }); }} />
      </PageHeader>
      <Totals period={period} />
      <Panel title="Spend over time">
        <SpendOverTime period={period} />
      </Panel>
      <Panel
        title="Breakdown"
        aside={
          <div data-read style={{ minWidth: "180px" }}>
            <SelectField label="Group by" value={by} onValue={(v) => { setParams({ by: v }); }} options={[["agent", "Agent"], ["model", "Model"], ["provider", "Provider"]]} />
          </div>
        }
      >
        <div class="stack">
          <SpendBreakdown period={period} by={by} limit={12} />
          <QueryView query={spend}>{(answer) => (answer === null ? null : <GroupTable groups={answer.groups} by={by} />)}</QueryView>
        </div>
      </Panel>
      <Panel title="Models">
        <QueryView query={models}>{(answer) => (answer === null ? <NoPeriod /> : <ModelTable rows={answer.models} />)}</QueryView>
      </Panel>
      <ForecastTable />
    </>
  );
}
