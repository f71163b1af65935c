import { ApiError, CLIENT_ERROR_CODES, OPERATIONS, createControlClient, type CallArgs, type ControlClient, type OperationId, type OperationResponse, type RawCallInput, type Session } from "./api.js";
import { saveCredentials, type Credentials } from "./config.js";
import { CliError, EXIT, exitForStatus, hintFor } from "./exit.js";
import type { Target } from "./target.js";

export { checkUrl, resolveTarget, type Target } from "./target.js";

declare const IRON_CLI_VERSION: string | undefined;
const VERSION = typeof IRON_CLI_VERSION === "string" ? IRON_CLI_VERSION : "dev";

/**
 * The CLI's control-API client: the shared typed client (client/) plus what only a terminal has: the saved login
 * session (refreshed before it expires, and once more on TOKEN_EXPIRED, then saved 0600), and every failure as a
 * one-line CliError with the documented exit code.
 */
export class ApiClient {
  private target: Target;
  private readonly client: ControlClient;

  constructor(target: Target) {
    this.target = target;
    this.client = createControlClient({
      baseUrl: this.target.url,
      getToken: () => this.target.token,
      refresh: async () => {
        if (!this.target.session?.refresh_token) return false;
        await this.refresh();
        return true;
      },
      userAgent: `iron-cli/${VERSION}`,
      timeoutMs: 60_000,
    });
  }

  get url(): string {
    return this.target.url;
  }

  /** One operation, typed by its id. */
  async call<Id extends OperationId>(id: Id, ...args: CallArgs<Id>): Promise<OperationResponse<Id>> {
    return (await this.request(id, args[0] ?? {})) as OperationResponse<Id>;
  }

  /** One operation with an input built at run time (the flag parser's). */
  async request(id: OperationId, input: RawCallInput = {}): Promise<unknown> {
    if (OPERATIONS[id].role !== "public") {
      if (this.target.token === null) throw notLoggedIn(this.target);
      if (this.sessionExpiresSoon()) await this.refresh();
    }
    try {
      return await this.client.request(id, input);
    } catch (error) {
      throw error instanceof ApiError ? cliErrorOf(error, this.target.url) : error;
    }
  }

  private sessionExpiresSoon(): boolean {
    const at = this.target.session?.access_token_expires_at;
    return at !== undefined && Date.parse(at) - Date.now() < 30_000;
  }

  private async refresh(): Promise<void> {
    const session = this.target.session;
    if (!session?.refresh_token) throw new CliError("session expired", EXIT.auth, "run `iron login` again", "SESSION_EXPIRED");
    let fresh: Session;
    try {
      fresh = await this.client.call("refreshSession", { body: { refresh_token: session.refresh_token } });
    } catch (error) {
      if (error instanceof ApiError && error.status !== 0 && error.code !== CLIENT_ERROR_CODES.badResponse) {
        throw new CliError(`session expired (${error.code})`, EXIT.auth, "run `iron login` again", error.code);
      }
      throw error instanceof ApiError ? cliErrorOf(error, this.target.url) : error;
    }
    const next: Credentials = { ...session, ...sessionCredentials(fresh) };
    saveCredentials(next);
    this.target = { ...this.target, token: next.access_token ?? null, session: next };
  }
}

function notLoggedIn(target: Target): CliError {
  if (target.ignoredEnvToken === "agent") {
    return new CliError("IRON_TOKEN holds an agent token (ic_…), not a control-API token", EXIT.auth, `agent tokens only work on the gateway (/v1); run \`iron login ${target.url}\` or set IRON_TOKEN to an apitok_… token`, "AGENT_TOKEN");
  }
  if (target.ignoredEnvToken === "other") {
    return new CliError("IRON_TOKEN is not a control-API token (apitok_… or a session token)", EXIT.auth, `run \`iron login ${target.url}\` or create an API token with \`iron tokens create\``, "INVALID_TOKEN");
  }
  return new CliError("not logged in", EXIT.auth, `run \`iron login ${target.url}\` (or set IRON_TOKEN)`, "UNAUTHORIZED");
}

export function sessionCredentials(s: Partial<Session>): Partial<Credentials> {
  const out: Partial<Credentials> = {};
  if (s.access_token) out.access_token = s.access_token;
  if (s.access_token_expires_at) out.access_token_expires_at = s.access_token_expires_at;
  if (s.refresh_token) out.refresh_token = s.refresh_token;
  if (s.refresh_token_expires_at) out.refresh_token_expires_at = s.refresh_token_expires_at;
  return out;
}

/** The client's ApiError as the CLI's one-line error: the API's code and message, invalid fields, a hint, the request id. */
export function cliErrorOf(error: ApiError, url: string): CliError {
  switch (error.code) {
    case CLIENT_ERROR_CODES.network:
      return new CliError(error.message, EXIT.error, "check the server URL (`iron login <url>`, IRON_URL) and that it is running", error.code);
    case CLIENT_ERROR_CODES.timeout:
      return new CliError(`${url} did not answer within 60 s`, EXIT.error, "check that the server is running", error.code);
    case CLIENT_ERROR_CODES.badResponse:
      return new CliError(error.message, EXIT.error, "check the server URL", error.code);
    case CLIENT_ERROR_CODES.badInput:
      return new CliError(error.message, EXIT.usage, undefined, error.code);
  }
  const fields = error.fields ? " (" + Object.entries(error.fields).map(([k, v]) => `${k}: ${v}`).join("; ") + ")" : "";
  const hint = [hintFor(error.code), error.requestId ? `request ${error.requestId}` : undefined].filter(Boolean).join("; ");
  const err = new CliError(`${error.code}: ${error.message}${fields}`, exitForStatus(error.status, error.code), hint || undefined, error.code);
  if (error.details !== undefined) err.details = error.details;
  return err;
}
