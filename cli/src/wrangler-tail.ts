import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { usageError } from "./exit.js";
import { cell, cyan, dim, money, text, yellow } from "./format.js";
import { GLOBAL_OPTIONS, globalsOf } from "./globals.js";
import { callLine, str } from "./tail.js";

type Rec = Record<string, unknown>;
const sub = (v: unknown, k: string): unknown => (typeof v === "object" && v !== null ? (v as Rec)[k] : undefined);

/** One of Iron's log lines and when the Worker logged it (ISO-8601, from the tail event's timestamp). */
export interface IronLogLine {
  readonly record: Rec;
  readonly at: string | undefined;
}

/** Iron's structured log lines (`{"event":"iron.…"}`) inside one `wrangler tail --format json` event. */
export function ironLogLines(event: unknown): IronLogLine[] {
  const logs = sub(event, "logs");
  if (!Array.isArray(logs)) return [];
  const out: IronLogLine[] = [];
  for (const log of logs) {
    const ms = sub(log, "timestamp") ?? sub(event, "eventTimestamp");
    const at = typeof ms === "number" ? new Date(ms).toISOString() : undefined;
    const parts = sub(log, "message");
    for (const part of Array.isArray(parts) ? parts : [parts]) {
      if (typeof part !== "string" || !part.startsWith("{")) continue;
      try {
        const parsed = JSON.parse(part) as unknown;
        if (typeof parsed === "object" && parsed !== null && text((parsed as Rec).event).startsWith("iron.")) out.push({ record: parsed as Rec, at });
      } catch {
        // Not JSON: an ordinary console.log line, not Iron's.
      }
    }
  }
  return out;
}

/** Micro-dollars (the log line's `cost_micros`) as USD. */
const usd = (micros: unknown): unknown => (typeof micros === "number" ? micros / 1_000_000 : undefined);

/** One of Iron's log lines for a terminal: a call like `iron audit tail` prints it, an audit record, or key=value. */
export function prettyIronLog({ record, at }: IronLogLine): string {
  const { event, ...rest } = record;
  if (event === "iron.request") return callLine({ ...rest, cost_usd: rest.cost_usd ?? usd(rest.cost_micros) });
  if (event === "iron.audit") return `${dim(str(at))}  ${cyan("audit")}  #${str(rest.seq)} ${str(rest.action)} ${cell("outcome", rest.outcome)} ${str(rest.id)} ${dim(`hash ${text(rest.hash).slice(0, 16)}`)}`;
  return `${dim(str(at))}  ${yellow(str(event))}  ${Object.entries(rest).map(([k, v]) => `${k}=${k.endsWith("_micros") ? money(usd(v)) : str(v)}`).join(" ")}`;
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
  // wrangler prints each event as pretty JSON over several lines (or one a line): collect lines until they parse.
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
    for (const line of ironLogLines(event)) process.stdout.write((json ? JSON.stringify(line.record) : prettyIronLog(line)) + "\n");
  }
}
