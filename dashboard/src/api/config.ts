import { createStore } from "../state/store";
import { readJson, writeJson } from "../state/storage";
import { DEFAULT_API_URL, setApiBaseUrl } from "./api";
import { clearSession, session } from "./session";

/**
 * Which Iron server the dashboard talks to, first match wins:
 * `?api=<url>` in the address — used and remembered for this browser only once the person confirms it on the
 * sign-in screen, unless it is config.json's own server or the one already remembered (a link must not send
 * anyone's password and tokens to a server they did not pick) — then the remembered choice, then `config.json`
 * next to index.html (written at deploy time, or served by `npm start`), then the build-time VITE_IRON_API_URL,
 * then http://127.0.0.1:8787.
 */
const KEY = "iron.apiBaseUrl";

/** A server named by a `?api=` link, waiting for a yes or no on the sign-in screen (null: none). */
export const proposedApi = createStore<string | null>(null);

export function normalizeApiUrl(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return (url.origin + url.pathname).replace(/\/+$/, "").replace(/\/api\/v1$/, "");
  } catch {
    return null;
  }
}

export function rememberApiUrl(url: string | null): void {
  writeJson("local", KEY, url);
}

function fromConfig(json: unknown): string | null {
  if (typeof json !== "object" || json === null) return null;
  const value = (json as { apiBaseUrl?: unknown }).apiBaseUrl;
  return typeof value === "string" ? normalizeApiUrl(value) : null;
}

/** The server to use now, and the one a `?api=` link proposes instead (to be confirmed), if any. */
export interface ApiChoice {
  readonly url: string;
  readonly proposed: string | null;
}

export async function resolveApiUrl(search: string, fetchConfig: () => Promise<unknown>): Promise<ApiChoice> {
  const param = new URLSearchParams(search).get("api");
  const fromParam = param === null ? null : normalizeApiUrl(param);
  const stored = readJson("local", KEY);
  const saved = typeof stored === "string" ? normalizeApiUrl(stored) : null;
  const configured = fromConfig(await fetchConfig().catch(() => null));
  if (fromParam !== null && fromParam === configured) {
    // A link to the deployment's own server: nothing to confirm, and it replaces an earlier choice.
    rememberApiUrl(null);
    return { url: configured, proposed: null };
  }
  const url = saved ?? configured ?? normalizeApiUrl(import.meta.env.VITE_IRON_API_URL ?? "") ?? DEFAULT_API_URL;
  return { url, proposed: fromParam === null || fromParam === url ? null : fromParam };
}

/**
 * Switches to another server (confirmed link or the sign-in screen's "Change"): remembered for this browser, and
 * the current session ends, since its tokens belong to the previous server.
 */
export function switchApiUrl(url: string): void {
  rememberApiUrl(url);
  setApiBaseUrl(url);
  proposedApi.set(null);
  if (session.get() !== null) clearSession(null);
}
