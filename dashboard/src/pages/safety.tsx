import { useState } from "preact/hooks";
import { call } from "../api/api";
import type { RequestRecord } from "../api/types";
import { Button } from "../components/button";
import { QueryView } from "../components/feedback";
import { SelectField } from "../components/field";
import { PageHeader, Panel } from "../components/page";
import { DataTable, type Column } from "../components/table";
import { formatDateTime } from "../format/dates";
import { useNames } from "../state/lookups";
import { Link, useSearch } from "../state/router";
import { useQuery } from "../state/query";
import { safetyEvents, type SafetyEvent } from "./safety-events";

/** Reads the request records with safety findings (of `category`, or any), page by page (100 each), newest first. */
async function loadEvents(agentId: string, category: string, pages: number): Promise<{ events: SafetyEvent[]; scanned: number; more: boolean }> {
  const safety = category === "secrets" || category === "pii" || category === "injection" ? category : "any";
  const requests: RequestRecord[] = [];
  let cursor: string | undefined;
  let more = false;
  for (let i = 0; i < pages; i++) {
    const page = await call("listRequests", { query: { limit: 100, cursor, safety, ...(agentId ? { agent_id: agentId } : {}) } });
    requests.push(...page.data);
    more = page.pagination.next_cursor !== null;
    if (!more) break;
    cursor = page.pagination.next_cursor ?? undefined;
  }
  return { events: safetyEvents(requests), scanned: requests.length, more };
}

/**
 * Safety events: what the firewall found in requests and answers (category, detector, action, a fingerprint —
 * never the text), read from the request log filtered by the server to the records with findings.
 */
export function SafetyPage() {
  const agents = useNames("agents");
  const [params, setParams] = useSearch();
  const [pages, setPages] = useState(1);
  const agent = params.get("agent") ?? "";
  const action = params.get("action") ?? "";
  const category = params.get("category") ?? "";
  const q = useQuery(() => loadEvents(agent, category, pages), [agent, category, pages]);
  const columns: Column<SafetyEvent>[] = [
    { key: "at", label: "When", sort: (e) => e.request.created_at, render: (e) => <>{formatDateTime(e.request.created_at)}<span class="sub mono">{e.request.id}</span></> },
    { key: "agent", label: "Agent", sort: (e) => agents.get(e.request.agent_id ?? "") ?? e.request.agent_id, render: (e) => (e.request.agent_id === null ? "—" : <Link href={`/agents/${e.request.agent_id}`}>{agents.get(e.request.agent_id) ?? e.request.agent_id}</Link>) },
    { key: "category", label: "Category", sort: (e) => e.finding.category, render: (e) => <>{e.finding.category}<span class="sub">{e.finding.label} · {e.finding.detector}</span></> },
    { key: "direction", label: "Where", sort: (e) => e.finding.direction, render: (e) => `${e.finding.direction} · ${e.finding.source}` },
    { key: "action", label: "Action", sort: (e) => e.finding.action, render: (e) => <span class={`badge ${e.finding.action}`}>{e.finding.action}</span> },
    { key: "fp", label: "Fingerprint", render: (e) => <code>{e.finding.fingerprint}</code> },
  ];
  return (
    <>
      <PageHeader title="Safety events" lead="Secrets, personal data and prompt injection found by the gateway's firewall. Matched text is never stored: a fingerprint tells repeats apart." />
      <Panel>
        <div class="filters" data-read role="search">
          <SelectField label="Agent" value={agent} onValue={(v) => { setPages(1); setParams({ agent: v }); }} options={[["", "All agents"], ...[...agents].map(([id, name]) => [id, name] as const)]} />
          <SelectField label="Action" value={action} onValue={(v) => { setParams({ action: v }); }} options={[["", "Any"], ["block", "Blocked"], ["redact", "Redacted"], ["warn", "Warned"], ["log", "Logged"]]} />
          <SelectField label="Category" value={category} onValue={(v) => { setPages(1); setParams({ category: v }); }} options={[["", "Any"], ["secrets", "Secrets"], ["pii", "Personal data"], ["injection", "Injection"]]} />
        </div>
        <QueryView query={q}>
          {(data) => {
            const rows = data.events.filter((e) => (action === "" || e.finding.action === action) && (category === "" || e.finding.category === category));
            return (
              <>
                <DataTable rows={rows} columns={columns} rowKey={(e) => e.key} caption={`Findings in the latest ${data.scanned} requests with findings.`} empty="No safety finding matches." phoneFirst={["category", "action", "agent", "at"]} />
                {data.more && (
                  <div class="actions" data-read>
                    <Button onClick={() => { setPages(pages + 1); }} busy={q.loading}>
                      Older requests with findings
                    </Button>
                  </div>
                )}
              </>
            );
          }}
        </QueryView>
      </Panel>
    </>
  );
}
