import type { ModelUsageRow, SpendAnswer } from "../../api/types";
import { DataTable, type Column } from "../../components/table";
import { formatDuration } from "../../format/dates";
import { formatUsd, usdNumber } from "../../format/money";
import { formatInt, formatPercent, formatTokens } from "../../format/numbers";
import { Link } from "../../state/router";

type Group = SpendAnswer["groups"][number];

/** One row per agent/model/provider of the period: cost, requests, success rate, latency, tokens. */
export function GroupTable({ groups, by }: { groups: readonly Group[]; by: "agent" | "model" | "provider" }) {
  const columns: Column<Group>[] = [
    { key: "name", label: by === "agent" ? "Agent" : by === "model" ? "Model" : "Provider", sort: (g) => g.name ?? g.key, render: (g) => (by === "agent" && g.key !== null ? <Link href={`/agents/${g.key}`}>{g.name ?? g.key}</Link> : (g.name ?? g.key ?? "(unknown)")) },
    { key: "cost", label: "Spend", numeric: true, sort: (g) => usdNumber(g.cost_usd), render: (g) => formatUsd(g.cost_usd) },
    { key: "requests", label: "Requests", numeric: true, sort: (g) => g.requests, render: (g) => formatInt(g.requests) },
    { key: "success", label: "Success", numeric: true, sort: (g) => g.success_rate, render: (g) => formatPercent(g.success_rate, "ratio") },
    { key: "latency", label: "Avg latency", numeric: true, sort: (g) => g.avg_latency_ms, render: (g) => formatDuration(g.avg_latency_ms) },
    { key: "tokens", label: "Tokens", numeric: true, sort: (g) => g.tokens.total, render: (g) => formatTokens(g.tokens.total) },
  ];
  return <DataTable rows={groups} columns={columns} rowKey={(g) => g.key ?? "none"} caption={`Spend by ${by} in the period.`} empty="No usage in this period." initialSort={{ key: "cost", dir: "descending" }} />;
}

export function ModelTable({ rows }: { rows: readonly ModelUsageRow[] }) {
  const columns: Column<ModelUsageRow>[] = [
    { key: "model", label: "Model", sort: (m) => m.model, render: (m) => m.model ?? "(unknown)" },
    { key: "requests", label: "Requests", numeric: true, sort: (m) => m.requests, render: (m) => formatInt(m.requests) },
    { key: "agents", label: "Agents", numeric: true, sort: (m) => m.agents, render: (m) => formatInt(m.agents) },
    { key: "cost", label: "Spend", numeric: true, sort: (m) => usdNumber(m.cost_usd), render: (m) => formatUsd(m.cost_usd) },
    { key: "in", label: "Input tokens", numeric: true, sort: (m) => m.tokens.input, render: (m) => formatTokens(m.tokens.input) },
    { key: "out", label: "Output tokens", numeric: true, sort: (m) => m.tokens.output, render: (m) => formatTokens(m.tokens.output) },
    { key: "success", label: "Success", numeric: true, sort: (m) => m.success_rate, render: (m) => formatPercent(m.success_rate, "ratio") },
  ];
  return <DataTable rows={rows} columns={columns} rowKey={(m) => m.model ?? "none"} caption="Models, most requested first." empty="No model was called in this period." />;
}
