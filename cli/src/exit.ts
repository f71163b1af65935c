/** Exit codes (documented in cli/README.md and `iron help exit-codes`). */
export const EXIT = { ok: 0, error: 1, usage: 2, auth: 3, notFound: 4, refused: 5 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the CLI reports as one line on stderr (plus an optional hint) and exits with. */
export class CliError extends Error {
  /** More about an API refusal (e.g. a budget change's impact preview), printed as YAML under the error. */
  details?: unknown;
  constructor(
    message: string,
    readonly exit: ExitCode,
    readonly hint?: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export const usageError = (message: string, hint?: string): CliError => new CliError(message, EXIT.usage, hint, "USAGE");

/** The exit code for an API refusal: auth problems 3, missing objects 4, conflicts and refusals 5, bad input 2. */
export function exitForStatus(status: number, code: string): ExitCode {
  if (code === "VALIDATION_ERROR") return EXIT.usage;
  if (status === 401) return EXIT.auth;
  if (status === 404) return EXIT.notFound;
  if (status === 403 || status === 409 || status === 429) return EXIT.refused;
  return EXIT.error;
}

const HINTS: Record<string, string> = {
  UNAUTHORIZED: "run `iron login` (or set IRON_TOKEN)",
  INVALID_TOKEN: "the token is unknown or revoked: run `iron login` again",
  TOKEN_EXPIRED: "run `iron login` again (or create a new API token)",
  SESSION_REVOKED: "the session has ended: run `iron login` again",
  SESSION_EXPIRED: "the session has expired: run `iron login` again",
  INVALID_CREDENTIALS: "check the email and password",
  FORBIDDEN: "your role does not allow this; `iron whoami` shows it",
  NOT_FOUND: "check the id (`iron <noun> list`)",
  CONFIRMATION_REQUIRED: "repeat with --force to confirm",
  RATE_LIMITED: "wait and retry",
  TOO_MANY_ATTEMPTS: "wait and retry",
  VALIDATION_ERROR: "see `iron <command> --help`",
};
export const hintFor = (code: string): string | undefined => HINTS[code];
