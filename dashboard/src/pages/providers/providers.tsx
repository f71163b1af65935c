import { useState } from "preact/hooks";
import { call } from "../../api/api";
import type { Provider } from "../../api/types";
import { useGate } from "../../auth/use-gate";
import { StatusBadge } from "../../components/badges";
import { Button } from "../../components/button";
import { ErrorNote, QueryView } from "../../components/feedback";
import { PageHeader, Panel } from "../../components/page";
import { DataTable, type Column } from "../../components/table";
import { formatRelative } from "../../format/dates";
import { formatUsd, usdNumber } from "../../format/money";
import { formatInt } from "../../format/numbers";
import { forgetNames } from "../../state/lookups";
import { useAction, useQuery } from "../../state/query";
import { AddProvider } from "./add-provider";
import { DeleteProvider, RotateKey } from "./provider-dialogs";

/** Provider keys: write-only (a fingerprint and the last 4 characters are all that is ever shown). */
export function ProvidersPage() {
  const { can } = useGate();
  const [adding, setAdding] = useState(false);
  const [rotating, setRotating] = useState<Provider | null>(null);
  const [deleting, setDeleting] = useState<Provider | null>(null);
  const toggle = useAction();
  const q = useQuery(() => call("listProviders", { query: { limit: 100 } }), []);
  const changed = () => {
    forgetNames("providers");
    q.reload();
  };
  const setStatus = (p: Provider) => void toggle.run(() => call(p.status === "active" ? "disableProvider" : "enableProvider", { params: { id: p.id } }), changed);
  const columns: Column<Provider>[] = [
    { key: "name", label: "Provider", sort: (p) => p.name, render: (p) => <>{p.name}<span class="sub mono">{p.id}</span></> },
    { key: "kind", label: "Kind", wrap: true, sort: (p) => p.kind, render: (p) => <>{p.kind}<span class="sub">{p.base_url}</span></> },
    { key: "key", label: "Key", render: (p) => <><code>••••{p.key_last4}</code><span class="sub mono" title="SHA-256 fingerprint of the key">fp {p.key_fingerprint}</span></> },
    { key: "models", label: "Models", wrap: true, render: (p) => (p.models === null ? <span class="muted">all priced</span> : p.models.join(", ")) },
    { key: "usage", label: "Usage", numeric: true, sort: (p) => usdNumber(p.usage.spend_usd), render: (p) => <>{formatUsd(p.usage.spend_usd)}<span class="sub">{formatInt(p.usage.requests)} req · {formatInt(p.agents_count)} agents</span><span class="sub">{p.usage.last_used_at === null ? "never used" : `used ${formatRelative(p.usage.last_used_at)}`}</span></> },
    { key: "status", label: "Status", sort: (p) => p.status, render: (p) => <StatusBadge status={p.status} /> },
    {
      key: "actions",
      label: "Actions",
      wrap: true,
      render: (p) => (
        <div class="row">
          <Button small allowed={can("rotateProviderKey")} onClick={() => { setRotating(p); }}>Rotate key</Button>
          <Button small allowed={can(p.status === "active" ? "disableProvider" : "enableProvider")} onClick={() => { setStatus(p); }}>{p.status === "active" ? "Disable" : "Enable"}</Button>
          <Button small variant="danger" allowed={can("deleteProvider")} onClick={() => { setDeleting(p); }}>Delete</Button>
        </div>
      ),
    },
  ];
  return (
    <>
      <PageHeader title="Providers" lead="Upstream LLM accounts. Keys are encrypted at rest and never shown again.">
        {can("createProvider") && <Button variant="primary" onClick={() => { setAdding(true); }}>Add provider</Button>}
      </PageHeader>
      {adding && <AddProvider onClose={() => { setAdding(false); }} onAdded={() => { setAdding(false); changed(); }} />}
      <ErrorNote error={toggle.error} />
      <Panel>
        <QueryView query={q}>{(page) => <DataTable rows={page.data} columns={columns} rowKey={(p) => p.id} caption="Providers, oldest first." phoneFirst={["name", "actions", "status"]} empty="No provider yet. An admin adds one with its API key." />}</QueryView>
      </Panel>
      {rotating !== null && <RotateKey provider={rotating} onClose={() => { setRotating(null); }} onDone={() => { setRotating(null); changed(); }} />}
      {deleting !== null && <DeleteProvider provider={deleting} onClose={() => { setDeleting(null); }} onDone={() => { setDeleting(null); changed(); }} />}
    </>
  );
}
