import { useEffect, useState } from "preact/hooks";
import { call } from "../../api/api";
import type { AuditRecord } from "../../api/types";
import { useGate } from "../../auth/use-gate";
import { StatusBadge } from "../../components/badges";
import { Button } from "../../components/button";
import { ErrorNote, Loading } from "../../components/feedback";
import { SelectField, TextField } from "../../components/field";
import { PageHeader, Panel } from "../../components/page";
import { DataTable, type Column } from "../../components/table";
import { formatDateTime, localInputToIso } from "../../format/dates";
import { userLabel, useNames } from "../../state/lookups";
import { useSearch } from "../../state/router";
import { createGenerations, describeTarget, lastSeq, mergeTail } from "./tail";
import { ChainStatus } from "./verify";

type Outcome = AuditRecord["outcome"];
const asOutcome = (v: string): Outcome | undefined => (v === "ok" || v === "denied" || v === "failed" ? v : undefined);

/** The audit log: filters, older pages, chain verification, and a live tail polling every 3 seconds. */
export function AuditPage() {
  const { can } = useGate();
  const users = useNames("users");
  const [params, setParams] = useSearch();
  const action = params.get("action") ?? "";
  const outcome = params.get("outcome") ?? "";
  const targetType = params.get("target_type") ?? "";
  const from = params.get("from") ?? "";
  const filters = { ...(action ? { action } : {}), ...(targetType ? { target_type: targetType } : {}), outcome: asOutcome(outcome), from: localInputToIso(from) ?? undefined };
  const key = JSON.stringify(filters);
  const [records, setRecords] = useState<AuditRecord[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<{ loading: boolean; error: unknown }>({ loading: true, error: null });
  const [live, setLive] = useState(true);
  const [fresh, setFresh] = useState<Set<number>>(new Set());
  const [gens] = useState(createGenerations);
  // The generation whose first page is on screen: the tail polls only then, after what that list holds.
  const [shown, setShown] = useState(-1);

  const load = async (more: boolean) => {
    const { gen, signal } = more ? gens.current() : gens.next();
    setState({ loading: true, error: null });
    try {
      const page = await call("listAuditRecords", { query: { ...filters, limit: 50, ...(more && cursor !== null ? { cursor } : {}) }, signal });
      if (!gens.isCurrent(gen)) return;
      setRecords((prev) => (more ? mergeTail(prev, page.data, 5000) : page.data.slice()));
      setCursor(page.pagination.next_cursor);
      setState({ loading: false, error: null });
      if (!more) setShown(gen);
    } catch (error) {
      if (gens.isCurrent(gen)) setState({ loading: false, error });
    }
  };
  useEffect(() => {
    void load(false);
  }, [key]);
  useEffect(() => () => { gens.next(); }, []);

  useEffect(() => {
    if (!live || !gens.isCurrent(shown)) return undefined;
    const { gen, signal } = gens.current();
    const timer = setInterval(() => {
      const after = lastSeq(records);
      call("listAuditRecords", { query: { ...filters, limit: 100, after_seq: after }, signal }).then(
        (page) => {
          if (!gens.isCurrent(gen) || page.data.length === 0) return;
          setFresh(new Set(page.data.map((r) => r.seq)));
          setRecords((prev) => mergeTail(prev, page.data, 5000));
        },
        () => undefined,
      );
    }, 3000);
    return () => { clearInterval(timer); };
  }, [live, key, records, shown]);

  const columns: Column<AuditRecord>[] = [
    { key: "seq", label: "#", numeric: true, sort: (r) => r.seq, render: (r) => <span class={fresh.has(r.seq) ? "badge ok" : undefined}>{r.seq}</span> },
    { key: "at", label: "When", sort: (r) => r.at, render: (r) => formatDateTime(r.at) },
    { key: "actor", label: "Who", sort: (r) => r.actor.id, render: (r) => <>{r.actor.id === null ? "anonymous" : userLabel(r.actor.id, users)}<span class="sub">{r.actor.role}</span></> },
    { key: "action", label: "Action", sort: (r) => r.action, render: (r) => <code>{r.action}</code> },
    { key: "target", label: "Target", wrap: true, render: (r) => <span class="mono">{describeTarget(r)}</span> },
    { key: "outcome", label: "Outcome", sort: (r) => r.outcome, render: (r) => <StatusBadge status={r.outcome} /> },
    { key: "details", label: "Details", render: (r) => <details data-read><summary>change</summary><pre class="json">{JSON.stringify({ before: r.before, after: r.after, ip: r.ip, request_id: r.request_id }, null, 2)}</pre></details> },
  ];
  return (
    <>
      <PageHeader title="Audit log" lead="Every change and every refused call, in a tamper-evident hash chain." />
      <Panel title="Chain verification">
        <ChainStatus allowed={can("verifyAuditChain")} />
      </Panel>
      <Panel title="Records" aside={<label data-read class="row"><input type="checkbox" checked={live} onChange={(e) => { setLive(e.currentTarget.checked); }} /> Live tail (every 3 s)</label>}>
        <div class="filters" data-read role="search">
          <TextField label="Action" value={action} onValue={(v) => { setParams({ action: v }); }} placeholder="agent. or budget_request.approve" />
          <TextField label="Target type" value={targetType} onValue={(v) => { setParams({ target_type: v }); }} placeholder="agent" />
          <SelectField label="Outcome" value={outcome} onValue={(v) => { setParams({ outcome: v }); }} options={[["", "Any"], ["ok", "OK"], ["denied", "Denied"], ["failed", "Failed"]]} />
          <TextField label="Since" type="datetime-local" value={from} onValue={(v) => { setParams({ from: v }); }} />
        </div>
        <ErrorNote error={state.error} />
        {state.loading && records.length === 0 ? <Loading /> : <DataTable rows={records} columns={columns} rowKey={(r) => String(r.seq)} caption="Audit records, newest first." phoneFirst={["action", "outcome", "target"]} empty="No record matches." />}
        {cursor !== null && (
          <div class="actions" data-read>
            <Button onClick={() => void load(true)} busy={state.loading}>
              Older records
            </Button>
          </div>
        )}
      </Panel>
    </>
  );
}
