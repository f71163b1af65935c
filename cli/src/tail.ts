import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { ApiClient, resolveTarget } from "./client.js";
import { usageError } from "./exit.js";
import { cell, cyan, dim, money, text, yellow } from "./format.js";
import { GLOBAL_OPTIONS, globalsOf } from "./globals.js";

type Rec = Record<string, unknown>;
const str = (v: unknown): string => (v === null || v === undefined ? "–" : text(v));
const sub = (v: unknown, k: string): unknown => (typeof v === "object" && v !== null ? (v as Rec)[k] : undefined);

/** One line per audit record or agent call, oldest first. */
export function auditLine(r: Rec): string {
  return `${dim(str(r.at))}  ${cyan("audit")}  #${str(r.seq)} ${str(r.action)} ${cell("outcome", r.outcome)} by ${str(sub(r.actor, "id") ?? r.actor)} on ${str(sub(r.target, "type"))}:${str(sub(r.target, "id"))}`;
}
export function callLine(r: Rec): string {
  return `${dim(str(r.created_at))}  ${yellow("call ")}  ${str(r.id)} ${str(r.agent_id)} ${str(r.model)} ${cell("status", r.status)} ${cell("outcome", r.outcome)} ${money(r.cost_usd)} ${str(r.latency_ms)}ms`;
}

/** `iron audit tail [--follow] [--interval s] [--no-calls]`: recent audit records and calls, then new ones as they come. */
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
  const limit = values.limit ?? "20";
  const client = new ApiClient(resolveTarget(globals.url));
  const emit = (kind: "audit" | "call", r: Rec): void => {
    process.stdout.write((globals.output === "json" ? JSON.stringify({ kind, ...r }) : kind === "audit" ? auditLine(r) : callLine(r)) + "\n");
  };
  // The newest page (newest first), printed oldest first; its newest seq / id is where following starts.
  const audit = await client.call<{ data: Rec[] }>("listAuditRecords", { query: { limit } });
  const recentAudit = [...audit.data].reverse();
  let afterSeq = recentAudit.reduce((m, r) => Math.max(m, Number(r.seq ?? 0)), 0);
  let afterCall: string | null = null;
  const recentCalls: Rec[] = [];
  if (values["no-calls"] !== true) {
    const calls = await client.call<{ data: Rec[] }>("listRequests", { query: { limit } });
    recentCalls.push(...[...calls.data].reverse());
    afterCall = typeof calls.data[0]?.id === "string" ? calls.data[0].id : null;
  }
  for (const r of [...recentAudit.map((r) => ["audit", r] as const), ...recentCalls.map((r) => ["call", r] as const)].sort((a, b) => time(a[1]).localeCompare(time(b[1])))) emit(r[0], r[1]);
  if (values.follow !== true) return;
  for (;;) {
    await new Promise((r) => setTimeout(r, interval * 1000));
    const next = await client.call<{ data: Rec[] }>("listAuditRecords", { query: { after_seq: String(afterSeq), limit: "100" } });
    for (const r of next.data) {
      emit("audit", r);
      afterSeq = Math.max(afterSeq, Number(r.seq ?? 0));
    }
    if (values["no-calls"] === true) continue;
    const calls = await client.call<{ data: Rec[] }>("listRequests", { query: afterCall ? { after: afterCall, limit: "100" } : { limit: "100" } });
    const fresh = afterCall ? calls.data : [...calls.data].reverse();
    for (const r of fresh) emit("call", r);
    const last = afterCall ? fresh[fresh.length - 1] : fresh[fresh.length - 1];
    if (typeof last?.id === "string") afterCall = last.id;
  }
}
const time = (r: Rec): string => text(r.at ?? r.created_at);

/** Iron's structured log lines (`{"event":"iron.…"}`) inside one `wrangler tail --format json` event. */
export function ironLogLines(event: unknown): Rec[] {
  const logs = sub(event, "logs");
  if (!Array.isArray(logs)) return [];
  const out: Rec[] = [];
  for (const log of logs) {
    const parts = sub(log, "message");
    for (const part of Array.isArray(parts) ? parts : [parts]) {
      if (typeof part !== "string" || !part.startsWith("{")) continue;
      try {
        const parsed = JSON.parse(part) as unknown;
        if (typeof parsed === "object" && parsed !== null && text((parsed as Rec).event).startsWith("iron.")) out.push(parsed as Rec);
      } catch {
        // Not JSON: an ordinary console.log line, not Iron's.
      }
    }
  }
  return out;
}

export function prettyIronLog(r: Rec): string {
  const { event, ...rest } = r;
  if (event === "iron.request") return callLine({ ...rest, created_at: rest.created_at ?? rest.at });
  if (event === "iron.audit") return `${cyan("audit")}  #${str(rest.seq)} ${str(rest.action)} ${cell("outcome", rest.outcome)} ${dim(str(rest.id))}`;
  return `${yellow(str(event))}  ${Object.entries(rest).map(([k, v]) => `${k}=${str(v)}`).join(" ")}`;
}

/** `iron tail --wrangler`: reads `wrangler tail --format json` from stdin, or spawns it (`--spawn`, or stdin is a terminal). */
export async function wranglerTail(argv: readonly string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...GLOBAL_OPTIONS, wrangler: { type: "boolean" }, spawn: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageError(err instanceof Error ? (err.message.split("\n")[0] ?? "") : String(err), "see `iron tail --help`");
  }
  const { values, positionals } = parsed;
  if (values.wrangler !== true) throw usageError("iron tail needs --wrangler (for the control API's stream: iron audit tail --follow)");
  const json = globalsOf(values).output === "json";
  let input: NodeJS.ReadableStream = process.stdin;
  if (values.spawn === true || process.stdin.isTTY) {
    // Extra positionals go to wrangler (e.g. the worker name or --env).
    const child = spawn("npx", ["wrangler", "tail", "--format", "json", ...positionals], { stdio: ["ignore", "pipe", "inherit"] });
    input = child.stdout;
  }
  // wrangler prints each event as pretty JSON over several lines: collect lines until they parse.
  let buffer = "";
  for await (const line of createInterface({ input })) {
    buffer += line + "\n";
    let event: unknown;
    try {
      event = JSON.parse(buffer);
    } catch {
      if (buffer.length > 1_000_000) buffer = "";
      continue;
    }
    buffer = "";
    for (const r of ironLogLines(event)) process.stdout.write((json ? JSON.stringify(r) : prettyIronLog(r)) + "\n");
  }
}
