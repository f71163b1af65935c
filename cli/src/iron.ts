import { auth } from "./commands/auth-dispatch.js";
import { execute } from "./commands/exec.js";
import { findCommand } from "./commands/index.js";
import { CliError, EXIT, usageError } from "./exit.js";
import { colour, red } from "./format.js";
import { commandHelp, mainHelp, specialHelp } from "./help.js";
import { completionScript } from "./completion.js";
import { auditTail } from "./tail.js";
import { wranglerTail } from "./wrangler-tail.js";
import { toYaml } from "./yaml.js";

declare const IRON_CLI_VERSION: string;

async function main(argv: string[]): Promise<void> {
  colour.enabled = process.stdout.isTTY && !process.env.NO_COLOR && !argv.includes("--no-color");
  const wantsHelp = argv.includes("--help") || argv.includes("-h");
  const [first, second] = argv;
  if (first === undefined || first === "help" || (first.startsWith("-") && wantsHelp)) return void process.stdout.write(mainHelp() + "\n");
  if (first === "--version" || first === "version") return void process.stdout.write(`${IRON_CLI_VERSION}\n`);
  const special = first === "audit" && second === "tail" ? ["audit", "tail"] : [first];
  const help = specialHelp(special);
  if (help !== null) {
    if (wantsHelp) return void process.stdout.write(help + "\n");
    const rest = argv.slice(special.length);
    if (special.length === 2) return auditTail(rest);
    if (first === "tail") return wranglerTail(rest);
    if (first === "completion") return void process.stdout.write(completionScript(rest[0]));
    return auth(first, rest);
  }
  const found = findCommand(argv);
  if (found === null) {
    const nounOnly = argv.length >= 1 && !first.startsWith("-");
    throw usageError(`unknown command '${argv.filter((a) => !a.startsWith("-")).slice(0, 2).join(" ")}'`, nounOnly ? `see \`iron help\` (e.g. iron ${first} list)` : "see `iron help`");
  }
  if (found.rest.includes("--help") || found.rest.includes("-h")) return void process.stdout.write(commandHelp(found.spec) + "\n");
  return execute(found.spec, found.rest);
}

main(process.argv.slice(2)).then(
  () => process.exit(EXIT.ok),
  (err: unknown) => {
    if (err instanceof CliError) {
      process.stderr.write(`${red("error")}: ${err.message}${err.hint ? ` (hint: ${err.hint})` : ""}\n`);
      if (err.details !== undefined) process.stderr.write(toYaml(err.details) + "\n");
      process.exit(err.exit);
    }
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(EXIT.error);
  },
);
