import { readJson, writeJson } from "../state/storage";
import { DEFAULT_API_URL } from "./api";

/**
 * Which Iron server the dashboard talks to, first match wins:
 * `?api=<url>` in the address (remembered for this browser; shown on the sign-in screen so nobody is sent to a
 * server they did not pick without seeing it), then `config.json` next to index.html (written at deploy time,
 * or served by `npm start`), then the build-time VITE_IRON_API_URL, then http://127.0.0.1:8787.
 */
const KEY = "iron.apiBaseUrl";

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

export async function resolveApiUrl(search: string, fetchConfig: () => Promise<unknown>): Promise<string> {
  const param = new URLSearchParams(search).get("api");
  const fromParam = param === null ? null : normalizeApiUrl(param);
  if (fromParam !== null) {
    rememberApiUrl(fromParam);
    return fromParam;
  }
  const saved = readJson("local", KEY);
  if (typeof saved === "string" && normalizeApiUrl(saved) !== null) return saved;
  const configured = fromConfig(await fetchConfig().catch(() => null));
  if (configured !== null) return configured;
  const built = normalizeApiUrl(import.meta.env.VITE_IRON_API_URL ?? "");
  return built ?? DEFAULT_API_URL;
}
