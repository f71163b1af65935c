import { GOVERNANCE_COMMANDS } from "./governance.js";
import { RESOURCE_COMMANDS } from "./resources.js";
import type { CommandSpec } from "./spec.js";

export const COMMANDS: readonly CommandSpec[] = [...RESOURCE_COMMANDS, ...GOVERNANCE_COMMANDS];

/** Hand-written commands: name, summary, examples (help and completion list them with the table's). */
export const SPECIAL_COMMANDS: readonly { words: readonly string[]; summary: string; examples: readonly string[] }[] = [
  { words: ["login"], summary: "Log in (session with transparent refresh) or save an API token", examples: ["iron login http://127.0.0.1:8787 --email admin@iron.local", "iron login https://iron.example.com --token apitok_…"] },
  { words: ["logout"], summary: "End the session and delete the saved credentials", examples: ["iron logout"] },
  { words: ["whoami"], summary: "Show who you are logged in as", examples: ["iron whoami", "iron whoami -o json"] },
  { words: ["password"], summary: "Change your own password (prompts; --stdin reads current and new)", examples: ["iron password"] },
  { words: ["setup"], summary: "One-time first-admin setup of a new deployment", examples: ["iron setup https://iron.example.com --email admin@example.com"] },
  { words: ["audit", "tail"], summary: "Recent audit records and agent calls; --follow for new ones", examples: ["iron audit tail --follow", "iron audit tail -f -o json --no-calls"] },
  { words: ["tail"], summary: "Pretty-print Iron's log lines from `wrangler tail --format json`", examples: ["wrangler tail --format json | iron tail --wrangler", "iron tail --wrangler --spawn"] },
  { words: ["completion"], summary: "Print a shell completion script (bash or zsh)", examples: ["source <(iron completion bash)", "iron completion zsh > \"${fpath[1]}/_iron\""] },
];

/** The longest command whose words begin argv; the rest of argv is its arguments. */
export function findCommand(argv: readonly string[]): { spec: CommandSpec; rest: string[] } | null {
  let best: CommandSpec | null = null;
  for (const spec of COMMANDS) {
    if (spec.words.every((w, i) => argv[i] === w) && (best === null || spec.words.length > best.words.length)) best = spec;
  }
  return best === null ? null : { spec: best, rest: argv.slice(best.words.length) };
}
