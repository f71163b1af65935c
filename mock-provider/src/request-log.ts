/** Requests received per API key: parsed bodies and header NAMES (never header values). */

export interface LoggedRequest {
  method: string;
  path: string;
  /** Parsed JSON body; `null` when there was none or it was not JSON. */
  body: unknown;
  /** Header names, lower case, sorted: never their values. */
  headers: string[];
}

/** Requests kept per key; older ones are dropped (the mock also serves long benchmarks). */
const MAX_LOGGED = 500;
const logs = new Map<string, LoggedRequest[]>();

export function logRequest(key: string, request: Request, body: unknown): void {
  const names = [...request.headers.keys()].map((name) => name.toLowerCase()).sort();
  const entry: LoggedRequest = { method: request.method, path: new URL(request.url).pathname, body: body ?? null, headers: names };
  let list = logs.get(key);
  if (list === undefined) {
    list = [];
    logs.set(key, list);
  }
  list.push(entry);
  if (list.length > MAX_LOGGED) list.shift();
}

export function requestsFor(key: string): LoggedRequest[] {
  return logs.get(key) ?? [];
}

/** Clears one key's log, or all logs when `key` is `null`. */
export function resetRequestLog(key: string | null): void {
  if (key === null) logs.clear();
  else logs.delete(key);
}
