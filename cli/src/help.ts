import { flagsOf } from "./commands/exec.js";
import { COMMANDS, SPECIAL_COMMANDS } from "./commands/index.js";
import type { CommandSpec } from "./commands/spec.js";
import { bold } from "./format.js";
import { OPERATIONS } from "./api.js";

export const EXIT_CODES_HELP = `Exit codes:
  0  ok
  1  error (network, server, unexpected)
  2  usage (unknown flag, missing argument, invalid value, VALIDATION_ERROR)
  3  auth (not logged in, expired or revoked session or token)
  4  not found
  5  conflict or refused (CONFLICT, CONFIRMATION_REQUIRED, FORBIDDEN, rate limited)`;

const GLOBAL_HELP = `Global flags:
  -o, --output table|json|yaml   output format (default table)
  -q, --quiet                    ids only, one a line
      --url URL                  server (overrides IRON_URL and the saved login)
      --no-color                 no colour (also NO_COLOR=1)
  -h, --help                     help
Environment: IRON_URL, IRON_TOKEN (an apitok_… or session token) override the saved login; IRON_CONFIG_DIR.
An agent token (ic_…, e.g. IRON_TOKEN from .iron/demo.env) only works on the gateway: the CLI ignores it.`;

export function mainHelp(): string {
  const nouns = new Map<string, string[]>();
  const single = new Map<string, string>();
  for (const c of [...SPECIAL_COMMANDS, ...COMMANDS]) {
    const noun = c.words[0] ?? "";
    const summary = "operationId" in c ? (c.summary ?? OPERATIONS[c.operationId].summary) : c.summary;
    if (c.words.length === 1) single.set(noun, summary);
    nouns.set(noun, [...(nouns.get(noun) ?? []), c.words.slice(1).join(" ")].filter((v) => v !== ""));
  }
  // A noun with verbs lists them; a single-word command (login, whoami, …) shows what it does.
  const lines = [...nouns].map(([noun, verbs]) => `  ${noun.padEnd(11)} ${verbs.length > 0 ? verbs.join(", ") : (single.get(noun) ?? "")}`);
  return `${bold("iron")}: the Iron Runtime control panel from a terminal

Usage: iron <noun> <verb> [args] [flags]

Commands:
${lines.join("\n")}

Nouns: \`requests\` are budget requests; \`calls\` is the log of agent calls (the API's /requests);
\`usage\` is analytics (spend by default: iron usage --by agent --period last-7-days).

Examples:
  iron login http://127.0.0.1:8787 --email admin@iron.local
  echo "$OPENAI_API_KEY" | iron providers add --name openai --kind openai --key-stdin
  iron agents create --name research-bot --budget 25
  iron limits set agt_123 --budget 40 --force
  iron audit tail --follow

${GLOBAL_HELP}

${EXIT_CODES_HELP}

Run \`iron <noun> <verb> --help\` for a command's flags.`;
}

export function commandHelp(spec: CommandSpec): string {
  const op = OPERATIONS[spec.operationId];
  const args = (spec.args ?? []).map((a) => `<${a}>`).join(" ");
  const flags = flagsOf(spec).map((b) => {
    const value = b.field.kind === "boolean" ? "" : ` <${b.field.enum ? b.field.enum.join("|") : b.field.kind}>`;
    const req = b.field.required && b.in === "body" ? " (required)" : "";
    const alias = spec.aliases?.[b.flag] ? ` (= --${b.field.name.replace(/_/g, "-")})` : "";
    return `  --${b.flag}${value}${req}${alias}${b.field.description && !alias ? `\n      ${b.field.description}` : ""}`;
  });
  for (const s of spec.secretInputs ?? []) flags.push(`  --${s.flag}\n      read ${s.field} from stdin (otherwise prompted for, without echo; never an argument)`);
  if (op.body !== null) flags.push("  --body <json|@file|->\n      the request body as JSON; flags override its fields");
  if (op.query.some((f) => f.name === "cursor")) flags.push("  --all\n      fetch every page");
  return `${spec.summary ?? op.summary}

Usage: iron ${spec.words.join(" ")}${args ? " " + args : ""} [flags]
API: ${op.method.toUpperCase()} /api/v1${op.path} (${spec.operationId}; role ${op.role})

Flags:
${flags.length ? flags.join("\n") : "  (none)"}

Examples:
${spec.examples.map((e) => `  ${e}`).join("\n")}

${GLOBAL_HELP}`;
}

export function specialHelp(words: readonly string[]): string | null {
  const c = SPECIAL_COMMANDS.find((s) => s.words.join(" ") === words.join(" "));
  if (!c) return null;
  return `${c.summary}\n\nUsage: iron ${c.words.join(" ")} [flags]\n\nExamples:\n${c.examples.map((e) => `  ${e}`).join("\n")}\n\n${GLOBAL_HELP}\n\n${EXIT_CODES_HELP}`;
}
