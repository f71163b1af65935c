import { call } from "../../api/api";
import type { RateLimits } from "../../api/types";
import { Button } from "../../components/button";
import { ErrorNote } from "../../components/feedback";
import { TextField } from "../../components/field";
import { useDraft } from "../../state/draft";
import { useAction } from "../../state/query";

/** "" → null (unlimited); a positive whole number → that number; anything else → a problem. */
export function parseLimit(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const t = text.trim();
  if (t === "") return { ok: true, value: null };
  if (!/^\d+$/.test(t) || Number(t) < 1) return { ok: false, message: "A whole number of at least 1, or empty for unlimited." };
  return { ok: true, value: Number(t) };
}

const text = (n: number | null) => (n === null ? "" : String(n));

export function RateLimitsForm({ agentId, current, allowed, onChanged }: { agentId: string; current: RateLimits; allowed: boolean; onChanged: () => void }) {
  const [form, patch, reset] = useDraft(`rate-${agentId}`, { rpm: text(current.requests_per_minute), tpm: text(current.tokens_per_minute), concurrent: text(current.concurrent_requests) });
  const action = useAction();
  const rpm = parseLimit(form.rpm);
  const tpm = parseLimit(form.tpm);
  const concurrent = parseLimit(form.concurrent);
  const submit = (e: Event) => {
    e.preventDefault();
    if (!rpm.ok || !tpm.ok || !concurrent.ok) return;
    const body = { requests_per_minute: rpm.value, tokens_per_minute: tpm.value, concurrent_requests: concurrent.value };
    void action.run(() => call("setAgentRateLimits", { params: { id: agentId }, body }), (saved) => {
      const r = saved.rate_limits;
      reset({ rpm: text(r.requests_per_minute), tpm: text(r.tokens_per_minute), concurrent: text(r.concurrent_requests) });
      onChanged();
    });
  };
  return (
    <form onSubmit={submit} aria-label="Set rate limits">
      <h3>Rate limits</h3>
      <ErrorNote error={action.error} />
      <p class="muted">Empty means unlimited. Checked on every gateway call.</p>
      <TextField label="Requests per minute" inputMode="numeric" disabled={!allowed} value={form.rpm} onValue={(v) => { patch({ rpm: v }); }} problem={rpm.ok ? null : rpm.message} />
      <TextField label="Tokens per minute" inputMode="numeric" disabled={!allowed} value={form.tpm} onValue={(v) => { patch({ tpm: v }); }} problem={tpm.ok ? null : tpm.message} />
      <TextField label="Concurrent requests" inputMode="numeric" disabled={!allowed} value={form.concurrent} onValue={(v) => { patch({ concurrent: v }); }} problem={concurrent.ok ? null : concurrent.message} />
      <Button type="submit" allowed={allowed} busy={action.busy} disabled={!rpm.ok || !tpm.ok || !concurrent.ok}>
        Save rate limits
      </Button>
    </form>
  );
}
