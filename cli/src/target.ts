import { loadCredentials, type Credentials } from "./config.js";
import { CliError, EXIT } from "./exit.js";

/** Where to call and with what: `--url`/`IRON_URL` and `IRON_TOKEN` override the saved credentials (scripts, CI). */
export interface Target {
  readonly url: string;
  readonly token: string | null;
  /** The saved login session, when the token came from it (so it can be refreshed and saved again). */
  readonly session: Credentials | null;
  /** IRON_TOKEN was set but ignored: an agent token (`ic_…`, e.g. from .iron/demo.env) or something else. */
  readonly ignoredEnvToken?: "agent" | "other";
}

/** Control-API tokens are API tokens or session JWTs; agent tokens (`ic_…`) never work there. */
export const isControlToken = (t: string): boolean => t.startsWith("apitok_") || t.split(".").length === 3;

/** The target for a command: the server URL (validated) and the token to use, from flags, environment or the saved login. */
export function resolveTarget(urlFlag: string | undefined, env: NodeJS.ProcessEnv = process.env): Target {
  const saved = loadCredentials();
  const raw = urlFlag ?? env.IRON_URL ?? saved?.url ?? "";
  if (raw === "") throw new CliError("no server: run `iron login <url>` or set IRON_URL", EXIT.auth, "e.g. iron login http://127.0.0.1:8787", "UNAUTHORIZED");
  const url = checkUrl(raw);
  const envToken = env.IRON_TOKEN;
  if (envToken && isControlToken(envToken)) return { url, token: envToken, session: null };
  const ignored = envToken ? { ignoredEnvToken: envToken.startsWith("ic_") ? ("agent" as const) : ("other" as const) } : {};
  if (saved === null || saved.url.replace(/\/+$/, "") !== url) return { url, token: null, session: null, ...ignored };
  if (saved.api_token) return { url, token: saved.api_token, session: null, ...ignored };
  return { url, token: saved.access_token ?? null, session: saved, ...ignored };
}

/** A server URL as origin + path without trailing slashes; a usage error (exit 2) when it is not an http(s) URL. */
export function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(`bad server URL '${url}'`, EXIT.usage, "use e.g. http://127.0.0.1:8787 or https://iron.example.com", "USAGE");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new CliError(`bad server URL '${url}': not http(s)`, EXIT.usage, "use e.g. http://127.0.0.1:8787", "USAGE");
  return parsed.origin + parsed.pathname.replace(/\/+$/, "");
}
