import type { OperationId } from "../api.js";

/** A field read only from stdin or a no-echo prompt, never from an argument (keys, passwords). */
export interface SecretInput {
  readonly field: string;
  /** The boolean flag that reads it from stdin, e.g. `key-stdin`. */
  readonly flag: string;
  readonly prompt: string;
}

/**
 * One `iron <noun> <verb>` command bound to one control-API operation. Its flags are derived from the
 * operation's query parameters and body fields (`budget_usd` → `--budget-usd`), plus the aliases here.
 */
export interface CommandSpec {
  readonly words: readonly string[];
  readonly operationId: OperationId;
  readonly summary?: string;
  /** Positional arguments in order: path parameters, or body/query fields (e.g. `agent_id`). */
  readonly args?: readonly string[];
  /** Extra flag names: `budget` → `budget_usd`. */
  readonly aliases?: Readonly<Record<string, string>>;
  readonly secretInputs?: readonly SecretInput[];
  /** Response fields holding a secret shown once (new agent tokens, API tokens, generated passwords). */
  readonly secretFields?: readonly string[];
  /** Table columns of a list (dotted paths allowed). */
  readonly columns?: readonly string[];
  /** Where the rows are for a table, when not `data` (e.g. `groups`). */
  readonly rows?: string;
  readonly examples: readonly string[];
}

/** Operations with no CLI command, and why (checked by the parity test). */
export type NotCliOperations = Partial<Record<OperationId, string>>;
