import { loadCredentials, saveCredentials, type Credentials } from "./config.js";
import { CliError, EXIT, exitForStatus, hintFor } from "./exit.js";
import { OPERATIONS, type OperationId } from "./generated/operations.js";

export interface CallInput {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export interface ApiErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, string>; details?: Record<string, unknown> };
}

/** Where to call and with what: `--url`/`IRON_URL` and `IRON_TOKEN` override the saved credentials (scripts, CI). */
export interface Target {
  readonly url: string;
  readonly token: string | null;
  /** The saved login session, when the token came from it (so it can be refreshed and saved again). */
  readonly session: Credentials | null;
}

/** Control-API tokens are API tokens or session JWTs; agent tokens (`ic_…`, e.g. from .iron/demo.env) never work there. */
const isControlToken = (t: string): boolean => t.startsWith("apitok_") || t.split(".").length === 3;

export function resolveTarget(urlFlag: string | undefined, env: NodeJS.ProcessEnv = process.env): Target {
  const saved = loadCredentials();
  const url = (urlFlag ?? env.IRON_URL ?? saved?.url ?? "").replace(/\/+$/, "");
  if (url === "") throw new CliError("no server: run `iron login <url>` or set IRON_URL", EXIT.auth, "e.g. iron login http://127.0.0.1:8787");
  const envToken = env.IRON_TOKEN;
  if (envToken && isControlToken(envToken)) return { url, token: envToken, session: null };
  if (saved === null || saved.url.replace(/\/+$/, "") !== url) return { url, token: null, session: null };
  if (saved.api_token) return { url, token: saved.api_token, session: null };
  return { url, token: saved.access_token ?? null, session: saved };
}

export function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(`bad server URL '${url}'`, EXIT.usage, "use e.g. http://127.0.0.1:8787 or https://iron.example.com");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new CliError(`bad server URL '${url}': not http(s)`, EXIT.usage);
  return parsed.origin + parsed.pathname.replace(/\/+$/, "");
}

/** The control-API client: one operation by id, the bearer token attached, the login session refreshed transparently. */
export class ApiClient {
  private target: Target;
  constructor(target: Target) {
    this.target = target;
  }

  get url(): string {
    return this.target.url;
  }

  async call<T = unknown>(operationId: OperationId, input: CallInput = {}): Promise<T> {
    const op = OPERATIONS[operationId];
    const needsAuth = op.role !== "public";
    if (needsAuth && this.target.token === null) throw new CliError("not logged in", EXIT.auth, `run \`iron login ${this.target.url}\` (or set IRON_TOKEN)`, "UNAUTHORIZED");
    if (needsAuth && this.sessionExpiresSoon()) await this.refresh();
    let res = await this.send(operationId, input, needsAuth);
    if (res.status === 401 && needsAuth && this.target.session?.refresh_token) {
      const body = (await res.clone().json().catch(() => ({}))) as ApiErrorBody;
      if (body.error?.code === "TOKEN_EXPIRED") {
        await this.refresh();
        res = await this.send(operationId, input, needsAuth);
      }
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let json: unknown;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch {
      throw new CliError(`${res.status} from ${this.target.url}: not a JSON answer (is this an Iron server?)`, EXIT.error, "check the server URL");
    }
    if (!res.ok) throw apiError(res, json as ApiErrorBody);
    return json as T;
  }

  private sessionExpiresSoon(): boolean {
    const at = this.target.session?.access_token_expires_at;
    return at !== undefined && Date.parse(at) - Date.now() < 30_000;
  }

  private async refresh(): Promise<void> {
    const session = this.target.session;
    if (!session?.refresh_token) throw new CliError("session expired", EXIT.auth, "run `iron login` again", "SESSION_EXPIRED");
    const res = await this.send("refreshSession", { body: { refresh_token: session.refresh_token } }, false);
    const json = (await res.json().catch(() => ({}))) as ApiErrorBody & SessionBody;
    if (!res.ok || !json.access_token) {
      const code = json.error?.code ?? "SESSION_EXPIRED";
      throw new CliError(`session expired (${code})`, EXIT.auth, "run `iron login` again", code);
    }
    const next: Credentials = { ...session, ...sessionCredentials(json) };
    saveCredentials(next);
    this.target = { ...this.target, token: next.access_token ?? null, session: next };
  }

  private async send(operationId: OperationId, input: CallInput, auth: boolean): Promise<Response> {
    const op = OPERATIONS[operationId];
    let path: string = op.path;
    for (const name of op.pathParams) {
      const value = input.params?.[name];
      if (value === undefined) throw new CliError(`missing ${name}`, EXIT.usage);
      path = path.replace(`{${name}}`, encodeURIComponent(value));
    }
    const qs = new URLSearchParams(input.query ?? {}).toString();
    const headers: Record<string, string> = { accept: "application/json", "user-agent": "iron-cli" };
    if (auth && this.target.token) headers.authorization = `Bearer ${this.target.token}`;
    if (input.body !== undefined) headers["content-type"] = "application/json";
    const url = `${this.target.url}/api/v1${path}${qs ? `?${qs}` : ""}`;
    try {
      return await fetch(url, { method: op.method.toUpperCase(), headers, body: input.body === undefined ? null : JSON.stringify(input.body), signal: AbortSignal.timeout(60_000) });
    } catch (err) {
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
      throw new CliError(`cannot reach ${this.target.url}: ${cause}`, EXIT.error, "check the server URL (`iron login <url>`, IRON_URL) and that it is running");
    }
  }
}

export interface SessionBody {
  access_token?: string;
  access_token_expires_at?: string;
  refresh_token?: string;
  refresh_token_expires_at?: string;
  user?: { email?: string };
}

export function sessionCredentials(s: SessionBody): Partial<Credentials> {
  const out: Partial<Credentials> = {};
  if (s.access_token) out.access_token = s.access_token;
  if (s.access_token_expires_at) out.access_token_expires_at = s.access_token_expires_at;
  if (s.refresh_token) out.refresh_token = s.refresh_token;
  if (s.refresh_token_expires_at) out.refresh_token_expires_at = s.refresh_token_expires_at;
  return out;
}

function apiError(res: Response, body: ApiErrorBody | undefined): CliError {
  const code = body?.error?.code ?? `HTTP_${res.status}`;
  const fields = body?.error?.fields ? " (" + Object.entries(body.error.fields).map(([k, v]) => `${k}: ${v}`).join("; ") + ")" : "";
  const requestId = res.headers.get("x-request-id");
  const hint = [hintFor(code), requestId ? `request ${requestId}` : undefined].filter(Boolean).join("; ");
  const err = new CliError(`${code}: ${body?.error?.message ?? res.statusText}${fields}`, exitForStatus(res.status, code), hint || undefined, code);
  if (body?.error?.details) (err as CliError & { details?: unknown }).details = body.error.details;
  return err;
}
