import type { ParseArgsConfig } from "node:util";
import { usageError } from "./exit.js";
import type { OutputFormat } from "./render.js";

/** Flags every command accepts. */
export const GLOBAL_OPTIONS = {
  output: { type: "string", short: "o" },
  quiet: { type: "boolean", short: "q" },
  url: { type: "string" },
  "no-color": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies NonNullable<ParseArgsConfig["options"]>;

export interface Globals {
  readonly output: OutputFormat;
  readonly quiet: boolean;
  readonly url: string | undefined;
  readonly help: boolean;
}

export function globalsOf(values: Record<string, unknown>): Globals {
  const output = values.output ?? "table";
  if (output !== "table" && output !== "json" && output !== "yaml") throw usageError(`--output: '${typeof output === "string" ? output : "?"}' is not one of table, json, yaml`);
  return { output, quiet: values.quiet === true, url: typeof values.url === "string" ? values.url : undefined, help: values.help === true };
}
