import { readFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ApiClient, resolveTarget } from "../client.js";
import { usageError } from "../exit.js";
import { OPERATIONS, type Field } from "../api.js";
import { GLOBAL_OPTIONS, globalsOf, type Globals } from "../globals.js";
import { convert, kebab, parseJson, promptHidden, stdinAll, stdinLine } from "../input.js";
import { render } from "../render.js";
import { withSpinner } from "../spinner.js";
import type { CommandSpec } from "./spec.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** A flag of a command: the field it sets and where that field goes. */
export interface FlagBinding {
  readonly flag: string;
  readonly field: Field;
  readonly in: "query" | "body";
}

/** The flags a command takes: its operation's query parameters and body fields (minus secrets and positionals), and aliases. */
export function flagsOf(spec: CommandSpec): FlagBinding[] {
  const op = OPERATIONS[spec.operationId];
  const secret = new Set((spec.secretInputs ?? []).map((s) => s.field));
  const positional = new Set(spec.args ?? []);
  const fields: FlagBinding[] = [
    ...op.query.map((field): FlagBinding => ({ flag: kebab(field.name), field, in: "query" })),
    ...(op.body?.fields ?? []).map((field): FlagBinding => ({ flag: kebab(field.name), field, in: "body" })),
  ].filter((b) => !secret.has(b.field.name) && !positional.has(b.field.name));
  const aliases = Object.entries(spec.aliases ?? {}).flatMap(([flag, name]) => {
    const target = fields.find((b) => b.field.name === name);
    return target ? [{ ...target, flag }] : [];
  });
  return [...fields, ...aliases];
}

export function optionsOf(spec: CommandSpec): Options {
  const options: Options = { ...GLOBAL_OPTIONS };
  for (const b of flagsOf(spec)) {
    // A field named like a global flag (e.g. `url`) would silently change its meaning; the parity test forbids it.
    if (b.flag in GLOBAL_OPTIONS) throw new Error(`${spec.words.join(" ")}: --${b.flag} shadows a global flag`);
    options[b.flag] = { type: b.field.kind === "boolean" ? "boolean" : "string" };
  }
  for (const s of spec.secretInputs ?? []) options[s.flag] = { type: "boolean" };
  if (OPERATIONS[spec.operationId].body !== null) options.body = { type: "string" };
  if (OPERATIONS[spec.operationId].query.some((f) => f.name === "cursor")) options.all = { type: "boolean" };
  return options;
}

export interface Built {
  readonly params: Record<string, string>;
  readonly query: Record<string, string>;
  readonly body: Record<string, unknown> | undefined;
  readonly globals: Globals;
  readonly all: boolean;
}

/** Parses a command's argv into the HTTP call's parts (without reading secrets yet). */
export function build(spec: CommandSpec, argv: readonly string[]): Built {
  const op = OPERATIONS[spec.operationId];
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: optionsOf(spec), allowPositionals: true, strict: true });
  } catch (err) {
    throw usageError(plainParseError(err, spec), `see \`iron ${spec.words.join(" ")} --help\``);
  }
  const { values, positionals } = parsed;
  const globals = globalsOf(values);
  const names = spec.args ?? [];
  if (!globals.help && positionals.length < names.length) throw usageError(`missing <${names[positionals.length]}>`, `usage: iron ${spec.words.join(" ")} ${names.map((n) => `<${n}>`).join(" ")}`);
  if (positionals.length > names.length) throw usageError(`unexpected argument '${positionals[names.length]}'`, `see \`iron ${spec.words.join(" ")} --help\``);
  const params: Record<string, string> = {};
  const query: Record<string, string> = {};
  let body: Record<string, unknown> | undefined;
  if (typeof values.body === "string") {
    const raw = parseJson("body", values.body === "-" ? stdinAll() : values.body.startsWith("@") ? readFile(values.body.slice(1)) : values.body);
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw usageError("--body: expected a JSON object");
    body = { ...(raw as Record<string, unknown>) };
  }
  names.forEach((name, i) => {
    const value = positionals[i];
    if (value === undefined) return;
    if ((op.pathParams as readonly string[]).includes(name)) params[name] = value;
    else if (op.query.some((f) => f.name === name)) query[name] = value;
    else {
      const field = op.body?.fields.find((f) => f.name === name);
      body = { ...body, [name]: field ? convert(field, name, value) : value };
    }
  });
  for (const b of flagsOf(spec)) {
    const raw = values[b.flag];
    if (raw === undefined) continue;
    const value = convert(b.field, b.flag, String(raw));
    if (b.in === "query") query[b.field.name] = String(value);
    else body = { ...body, [b.field.name]: value };
  }
  if (body === undefined && op.body?.required) body = {};
  return { params, query, body, globals, all: values.all === true };
}

/** Runs a command: secrets read from stdin or a prompt, the call made (every page with --all), the answer printed. */
export async function execute(spec: CommandSpec, argv: readonly string[]): Promise<void> {
  const built = build(spec, argv);
  let body = built.body;
  for (const s of spec.secretInputs ?? []) {
    const argvHasFlag = argv.includes(`--${s.flag}`);
    const field = OPERATIONS[spec.operationId].body?.fields.find((f) => f.name === s.field);
    const value = argvHasFlag ? stdinLine() : field?.required || process.stdin.isTTY ? await promptHidden(s.prompt) : "";
    if (value !== "") body = { ...body, [s.field]: value };
    else if (field?.required) throw usageError(`${s.field} is required`, `pipe it in with --${s.flag}`);
  }
  const client = new ApiClient(resolveTarget(built.globals.url));
  const label = OPERATIONS[spec.operationId].summary;
  const call = (query: Record<string, string>): Promise<unknown> => client.request(spec.operationId, { params: built.params, query, body });
  let result: unknown = await withSpinner(label, !built.globals.quiet, () => call(built.query));
  if (built.all) result = await allPages(result, built.query, call);
  const text = render(result, { output: built.globals.output, quiet: built.globals.quiet, columns: spec.columns, rows: spec.rows, secretFields: spec.secretFields });
  if (text !== "") process.stdout.write(text + "\n");
  else if (!built.globals.quiet && result === undefined) process.stderr.write(`done: ${label}\n`);
}

async function allPages(first: unknown, query: Record<string, string>, call: (q: Record<string, string>) => Promise<unknown>): Promise<unknown> {
  type Page = { data?: unknown[]; pagination?: { next_cursor?: string | null } };
  const page = first as Page;
  const data = [...(page.data ?? [])];
  let cursor = page.pagination?.next_cursor;
  while (typeof cursor === "string") {
    const next = (await call({ ...query, cursor })) as Page;
    data.push(...(next.data ?? []));
    cursor = next.pagination?.next_cursor;
  }
  return { ...page, data, pagination: { ...page.pagination, next_cursor: null } };
}

function readFile(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    throw usageError(`--body: cannot read ${path}`);
  }
}

/** parseArgs' messages are long and mention internals; keep the part a user needs, with secrets' special case. */
function plainParseError(err: unknown, spec: CommandSpec): string {
  const message = err instanceof Error ? err.message : String(err);
  const unknown = /Unknown option '(--?[^']+)'/.exec(message)?.[1];
  if (unknown) {
    const secret = spec.secretInputs?.find((s) => unknown === `--${kebab(s.field)}`);
    if (secret) return `${unknown} is not accepted as an argument (it would land in shell history); use --${secret.flag} or the prompt`;
    return `unknown option ${unknown}`;
  }
  const missing = /Option '(--?[^ ']+)[^']*' argument missing/.exec(message)?.[1];
  if (missing) return `option ${missing} needs a value`;
  return message.split("\n")[0] ?? message;
}
