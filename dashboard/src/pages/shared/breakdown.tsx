import { call } from "../../api/api";
import { BarList } from "../../charts/bar-list";
import { QueryView } from "../../components/feedback";
import { forPeriod, NoPeriod, periodQuery, type PeriodValue } from "../../components/period-picker";
import { formatUsd, usdNumber } from "../../format/money";
import { Link } from "../../state/router";
import { useQuery } from "../../state/query";

/** Spend in a period split by agent, model or provider, largest first, as bars. */
export function SpendBreakdown({ period, by, limit = 8 }: { period: PeriodValue; by: "agent" | "model" | "provider"; limit?: number }) {
  const q = periodQuery(period);
  const query = useQuery(() => forPeriod(q, (period) => call("getAnalyticsSpend", { query: { ...period, group_by: by } })), [JSON.stringify(q), by]);
  return (
    <QueryView query={query}>
      {(answer) => {
        if (answer === null) return <NoPeriod />;
        const rows = [...answer.groups]
          .sort((a, b) => usdNumber(b.cost_usd) - usdNumber(a.cost_usd))
          .slice(0, limit)
          .map((g) => {
            const name = g.name ?? g.key ?? "(unknown)";
            return {
              key: g.key ?? "none",
              label: by === "agent" && g.key !== null ? <Link href={`/agents/${g.key}`}>{name}</Link> : name,
              value: usdNumber(g.cost_usd),
              display: `${formatUsd(g.cost_usd)} · ${g.requests} req`,
            };
          });
        return <BarList rows={rows} label={`Spend by ${by}`} />;
      }}
    </QueryView>
  );
}
