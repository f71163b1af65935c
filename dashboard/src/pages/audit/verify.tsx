import { useEffect, useState } from "preact/hooks";
import { call } from "../../api/api";
import type { AuditVerification } from "../../api/types";
import { Button } from "../../components/button";
import { ErrorNote, Notice } from "../../components/feedback";
import { formatInt } from "../../format/numbers";

/** Verifies the whole chain in checkpointed steps of 5000 records (at most 20 steps per click). */
export async function verifyChain(step: (from?: { seq: number; hash: string }) => Promise<AuditVerification>): Promise<AuditVerification> {
  let from: { seq: number; hash: string } | undefined;
  let checked = 0;
  for (let i = 0; i < 20; i++) {
    const r = await step(from);
    checked += r.checked;
    if (!r.ok) return { ...r, checked };
    if (r.complete) return { ...r, checked };
    from = { seq: r.last_seq, hash: r.last_hash };
  }
  throw new Error("The chain is longer than one verification pass reads; run it again from the CLI (`iron audit verify`).");
}

const step = (from?: { seq: number; hash: string }) => call("verifyAuditChain", { query: { max_rows: 5000, ...(from ? { from_seq: from.seq, from_hash: from.hash } : {}) } });

/** The chain's verification status (admins): runs on load and on demand. */
export function ChainStatus({ allowed }: { allowed: boolean }) {
  const [state, setState] = useState<{ busy: boolean; result: AuditVerification | null; error: unknown }>({ busy: false, result: null, error: null });
  const run = () => {
    setState({ busy: true, result: null, error: null });
    verifyChain(step).then(
      (result) => { setState({ busy: false, result, error: null }); },
      (error: unknown) => { setState({ busy: false, result: null, error }); },
    );
  };
  useEffect(() => {
    if (allowed) run();
  }, [allowed]);
  if (!allowed) return <Notice>Chain verification is run by administrators.</Notice>;
  const r = state.result;
  return (
    <div data-testid="chain-status" data-read>
      {state.busy && <Notice>Verifying the hash chain…</Notice>}
      <ErrorNote error={state.error} />
      {r !== null && r.ok && (
        <Notice kind="ok">
          <strong>Chain verified: OK.</strong> {formatInt(r.checked)} records link up to seq {r.last_seq} (hash <code>{r.last_hash.slice(0, 16)}…</code>).
        </Notice>
      )}
      {r !== null && !r.ok && (
        <Notice kind="error">
          <strong>Chain broken at seq {r.first_break.seq}:</strong> {r.first_break.reason} ({formatInt(r.checked)} records checked).
        </Notice>
      )}
      <Button small onClick={run} busy={state.busy}>
        Verify again
      </Button>
    </div>
  );
}
