import { call } from "../../api/api";
import type { ForecastRow } from "../../api/types";
import { QueryView } from "../../components/feedback";
import { Panel } from "../../components/page";
import { DataTable, type Column } from "../../components/table";
import { formatDate, formatDateTime } from "../../format/dates";
import { formatUsd, usdNumber } from "../../format/money";
import { formatDaysLeft } from "../../format/numbers";
import { Link } from "../../state/router";
import { useQuery } from "../../state/query";

/** Forecast of budget exhaustion: burn rate over the last 7 days, days left, the day it runs out. */
export function ForecastTable() {
  const q = useQuery(() => call("getAnalyticsForecast", { query: { limit: 100 } }), []);
  const columns: Column<ForecastRow>[] = [
    { key: "name", label: "Agent", sort: (f) => f.name, render: (f) => <Link href={`/agents/${f.agent_id}`}>{f.name}</Link> },
    { key: "remaining", label: "Remaining", numeric: true, sort: (f) => usdNumber(f.remaining_usd), render: (f) => <>{formatUsd(f.remaining_usd)}<span class="sub">of {formatUsd(f.budget_usd)}</span></> },
    { key: "burn", label: "Burn / day", numeric: true, sort: (f) => usdNumber(f.burn_rate_usd_per_day), render: (f) => formatUsd(f.burn_rate_usd_per_day) },
    { key: "days", label: "Days left", numeric: true, sort: (f) => f.days_left ?? Number.POSITIVE_INFINITY, render: (f) => formatDaysLeft(f.days_left) },
    { key: "at", label: "Runs out", sort: (f) => f.exhausts_at ?? "9999", render: (f) => (f.exhausts_at === null ? <span class="muted">—</span> : <span title={formatDateTime(f.exhausts_at)}>{formatDate(f.exhausts_at)}</span>) },
  ];
  return (
    <Panel title="Forecast of budget exhaustion" aside={<span class="muted">{q.data === undefined ? "" : `as of ${formatDateTime(q.data.as_of)}`}</span>}>
      <QueryView query={q}>
        {(page) => <DataTable rows={page.data} columns={columns} rowKey={(f) => f.agent_id} caption="Agents by how soon their budget runs out at the current burn rate." empty="No agent yet." initialSort={{ key: "days", dir: "ascending" }} />}
      </QueryView>
    </Panel>
  );
}
