import { parseArgs } from "node:util";
import type { AgentRequest, AuditRecord } from "./api.js";
import { ApiClient, resolveTarget } from "./client.js";
import { usageError } from "./exit.js";
import { cell, cyan, dim, money, text, yellow } from "./format.js";
import { GLOBAL_OPTIONS, globalsOf } from "./globals.js";

type Rec = Record<string, unknown>;
export const str = (v: unknown): string => (v === null || v === undefined ? "–" : text(v));

/** One line per audit record or agent call. */
export function auditLine(r: AuditRecord): string {
  return `${dim(r.at)}  ${cyan("audit")}  #${r.seq} ${r.action} ${cell("outcome", r.outcome)} by ${str(r.actor.id ?? r.actor.role)} on ${str(r.target.type)}:${str(r.target.id)}`;
}
export function callLine(r: Rec): string {
  return `${dim(str(r.created_at))}  ${yellow("call ")}  ${str(r.id)} ${str(r.agent_id)} ${str(r.model)} ${cell("status", r.status)} ${cell("outcome", r.outcome)} ${money(r.cost_usd)} ${str(r.latency_ms)}ms`;
}

type Event = { kind: "audit"; record: AuditRecord; at: string } | { kind: "call"; record: AgentRequest; at: string };

/** `iron audit tail [--follow] [--interval s] [--no-calls] [--limit n]`: recent audit records and calls, then new ones as they come. */
export async function auditTail(argv: readonly string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...GLOBAL_OPTIONS, follow: { type: "boolean", short: "f" }, interval: { type: "string" }, "no-calls": { type: "boolean" }, limit: { type: "string" } }, strict: true });
  } catch (err) {
    throw usageError(err instanceof Error ? (err.message.split("\n")[0] ?? "") : String(err), "see `iron audit tail --help`");
  }
  const { values } = parsed;
  const globals = globalsOf(values);
  const interval = Number(values.interval ?? "2");
  if (!Number.isFinite(interval) || interval <= 0) throw usageError("--interval: seconds, e.g. 2");
  const limit = Number(values.limit ?? "20");
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw usageError("--limit: 1 to 100");
  const withCalls = values["no-calls"] !== true;
  const client = new ApiClient(resolveTarget(globals.url));
  const emit = (e: Event): void => {
    const line = globals.output === "json" ? JSON.stringify({ kind: e.kind, ...e.record }) : e.kind === "audit" ? auditLine(e.record) : callLine(e.record);
    process.stdout.write(line + "\n");
  };
  // The newest page of each (newest first), printed oldest first; the newest seq / id is where following starts.
  const audit = (await client.call("listAuditRecords", { query: { limit } })).data;
  const calls = withCalls ? (await client.call("listRequests", { query: { limit } })).data : [];
  let afterSeq = audit.reduce((m, r) => Math.max(m, r.seq), 0);
  let afterCall = calls[0]?.id ?? null;
  const recent: Event[] = [...audit.map((record): Event => ({ kind: "audit", record, at: record.at })), ...calls.map((record): Event => ({ kind: "call", record, at: record.created_at }))];
  for (const e of recent.sort((a, b) => a.at.localeCompare(b.at))) emit(e);
  if (values.follow !== true) return;
  for (;;) {
    await new Promise((r) => setTimeout(r, interval * 1000));
    // Follow mode answers oldest first: records with seq > after_seq, calls recorded after `after`.
    for (const record of (await client.call("listAuditRecords", { query: { after_seq: afterSeq, limit: 100 } })).data) {
      emit({ kind: "audit", record, at: record.at });
      afterSeq = Math.max(afterSeq, record.seq);
    }
    if (!withCalls) continue;
    const fresh = afterCall ? (await client.call("listRequests", { query: { after: afterCall, limit: 100 } })).data : [...(await client.call("listRequests", { query: { limit: 100 } })).data].reverse();
    for (const record of fresh) emit({ kind: "call", record, at: record.created_at });
    afterCall = fresh[fresh.length - 1]?.id ?? afterCall;
  }
}
