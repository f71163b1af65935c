// Shared by this folder's tests: the JSON of GET /audit, and records written straight into the chain.
import { env } from "cloudflare:workers";
import type { AuditEntry } from "../../../src/control/audit/audit-record";
import { recordAudit } from "../../../src/control/audit/batch-with-audit";

export interface AuditItemJson {
  seq: number;
  id: string;
  at: string;
  actor: { id: string | null; role: string };
  action: string;
  target: { type: string | null; id: string | null };
  outcome: string;
  before: unknown;
  after: unknown;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditPage {
  data: AuditItemJson[];
  pagination: { next_cursor: string | null; limit: number };
}

export type ChainReportJson =
  | { ok: true; checked: number; last_seq: number; last_hash: string; complete: boolean }
  | { ok: false; first_break: { seq: number; reason: string }; checked: number };

/** Appends one record (as a route would), with defaults that any field can override. */
export async function record(extra: Partial<AuditEntry> = {}): Promise<void> {
  await recordAudit(env.DB, {
    actorId: "usr_seed", actorRole: "admin", action: "agent.update", targetType: "agent", targetId: "agt_seed", outcome: "ok",
    before: { budget_usd: "1.000000" }, after: { budget_usd: "2.000000" }, ip: "203.0.113.7", requestId: `req_${crypto.randomUUID().replaceAll("-", "")}`,
    ...extra,
  });
}

/** Makes `UPDATE`/`DELETE` on audit_log possible, as someone with direct database access would. */
export async function dropAppendOnlyTriggers(): Promise<void> {
  await env.DB.prepare("DROP TRIGGER IF EXISTS audit_log_no_update").run();
  await env.DB.prepare("DROP TRIGGER IF EXISTS audit_log_no_delete").run();
}

export async function sql(query: string, ...values: unknown[]): Promise<void> {
  await env.DB.prepare(query).bind(...values).run();
}

/** The item at `index`, or a failed test (no non-null assertions). */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index} (of ${items.length})`);
  return item;
}
