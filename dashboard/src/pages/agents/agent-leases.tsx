import { call } from "../../api/api";
import type { AgentDetail } from "../../api/types";
import { QueryView } from "../../components/feedback";
import { Panel } from "../../components/page";
import { formatRelative } from "../../format/dates";
import { formatUsd, microsToUsd, usdToMicros } from "../../format/money";
import { formatInt } from "../../format/numbers";
import { useQuery } from "../../state/query";

interface LeaseUse {
  readonly id: string;
  readonly requests: number;
  readonly micros: number;
  readonly last: string;
}

/** Spend per lease among the given requests (leases the agent's recent calls spent from). */
export function leaseUsage(requests: readonly { lease_id?: string | null; cost_usd: string; created_at: string }[]): LeaseUse[] {
  const by = new Map<string, LeaseUse>();
  for (const r of requests) {
    if (r.lease_id === null || r.lease_id === undefined) continue;
    const prev = by.get(r.lease_id) ?? { id: r.lease_id, requests: 0, micros: 0, last: r.created_at };
    by.set(r.lease_id, { id: r.lease_id, requests: prev.requests + 1, micros: prev.micros + (usdToMicros(r.cost_usd) ?? 0), last: prev.last > r.created_at ? prev.last : r.created_at });
  }
  return [...by.values()].sort((a, b) => b.last.localeCompare(a.last));
}

/**
 * Leases: what the budget object reports (open leases, amount leased out) and, from the request log, the leases
 * the latest calls spent from. The control API has no list of leases, so closed leases without calls do not show.
 */
export function AgentLeases({ agent }: { agent: AgentDetail }) {
  const q = useQuery(() => call("listRequests", { query: { agent_id: agent.id, limit: 100 } }), [agent.id]);
  return (
    <Panel title="Leases">
      <p>
        <strong>{formatInt(agent.open_leases)}</strong> open, <strong>{formatUsd(agent.leased_out_usd)}</strong> leased out of the budget.
      </p>
      <QueryView query={q} empty={(p) => leaseUsage(p.data).length === 0} emptyText="None of the latest 100 calls spent from a lease.">
        {(page) => (
          <ul class="bars">
            {leaseUsage(page.data).slice(0, 6).map((l) => (
              <li key={l.id} style={{ gridTemplateColumns: "1fr max-content" }}>
                <span class="name mono">{l.id}</span>
                <span class="val">
                  {formatUsd(microsToUsd(l.micros))} · {l.requests} calls · {formatRelative(l.last)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </Panel>
  );
}
