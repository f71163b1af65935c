import { call } from "../../api/api";
import type { TimeseriesAnswer } from "../../api/types";
import { TimeChart, type TimePointValue } from "../../charts/time-chart";
import { QueryView } from "../../components/feedback";
import { forPeriod, intervalFor, NoPeriod, periodQuery, type PeriodValue } from "../../components/period-picker";
import { formatUsdCompact, usdNumber } from "../../format/money";
import { useQuery } from "../../state/query";

/** The first series of a time-series answer as chart points (dollars per bucket). */
export function spendPoints(answer: TimeseriesAnswer): TimePointValue[] {
  const series = answer.series[0];
  if (series === undefined) return [];
  return series.points.map((p) => ({ t: Date.parse(p.start), v: usdNumber(p.cost_usd) }));
}

/** Spend over a period as an area chart; optionally for one agent. */
export function SpendOverTime({ period, agentId, label = "Spend over time" }: { period: PeriodValue; agentId?: string; label?: string }) {
  const interval = intervalFor(period);
  const q = periodQuery(period);
  const query = useQuery(() => forPeriod(q, (period) => call("getAnalyticsTimeseries", { query: { ...period, interval, ...(agentId === undefined ? {} : { agent_id: agentId }) } })), [JSON.stringify(q), interval, agentId]);
  return (
    <QueryView query={query}>
      {(answer) => {
        if (answer === null) return <NoPeriod />;
        const points = spendPoints(answer);
        return points.length === 0 ? <div class="empty">No spend recorded in this period.</div> : <TimeChart points={points} interval={answer.interval} format={formatUsdCompact} label={label} />;
      }}
    </QueryView>
  );
}
