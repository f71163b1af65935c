import type { RequestRecord } from "../../api/types";
import { StatusBadge } from "../../components/badges";
import { DataTable, type Column } from "../../components/table";
import { formatDateTime, formatDuration } from "../../format/dates";
import { formatUsd, usdNumber } from "../../format/money";
import { formatInt } from "../../format/numbers";
import { Link } from "../../state/router";

/** Gateway request records: when, agent, model, outcome, tokens, cost, latency, safety findings. */
export function RequestsTable({ rows, agents, showAgent = true }: { rows: readonly RequestRecord[]; agents?: Map<string, string>; showAgent?: boolean }) {
  const columns: Column<RequestRecord>[] = [
    { key: "at", label: "When", sort: (r) => r.created_at, render: (r) => <>{formatDateTime(r.created_at)}<span class="sub mono">{r.id}</span></> },
    ...(showAgent ? [{ key: "agent", label: "Agent", sort: (r: RequestRecord) => agents?.get(r.agent_id ?? "") ?? r.agent_id, render: (r: RequestRecord) => (r.agent_id === null ? "—" : <Link href={`/agents/${r.agent_id}`}>{agents?.get(r.agent_id) ?? r.agent_id}</Link>) }] : []),
    { key: "model", label: "Model", sort: (r) => r.model, render: (r) => r.model ?? "—" },
    { key: "outcome", label: "Outcome", sort: (r) => r.outcome, render: (r) => <><StatusBadge status={r.outcome === "ok" ? "ok" : r.outcome} /><span class="sub">HTTP {r.status}{r.error_code !== null ? ` · ${r.error_code}` : ""}</span></> },
    { key: "tokens", label: "Tokens in / out", numeric: true, sort: (r) => r.input_tokens + r.output_tokens, render: (r) => `${formatInt(r.input_tokens)} / ${formatInt(r.output_tokens)}` },
    { key: "cost", label: "Cost", numeric: true, sort: (r) => usdNumber(r.cost_usd), render: (r) => formatUsd(r.cost_usd) },
    { key: "latency", label: "Latency", numeric: true, sort: (r) => r.latency_ms, render: (r) => formatDuration(r.latency_ms) },
    { key: "safety", label: "Safety", sort: (r) => r.safety.length, render: (r) => (r.safety.length === 0 ? <span class="muted">—</span> : r.safety.map((f, i) => <span key={i} class={`badge ${f.action}`}>{f.category}: {f.action}</span>)) },
  ];
  return <DataTable rows={rows} columns={columns} rowKey={(r) => r.id} caption="Requests through the gateway (never prompts or keys)." empty="No request recorded yet." />;
}
