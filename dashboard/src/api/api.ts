import { createControlClient, OPERATIONS, type CallArgs, type OperationId, type OperationResponse } from "../../../client/src/index";
import { describeError, errorCode, isApiError, isSessionOver } from "./errors";
import { accessExpiring, adoptSession, clearSession, saveSession, session, storedSession } from "./session";

/**
 * The dashboard's one door to the control API: the shared typed client (client/src) with the session's access
 * token, refreshed before it expires (one rotation for all concurrent calls), and the session ended — back to
 * sign-in, drafts kept — when the server says the login is over.
 */
export const DEFAULT_API_URL = "http://127.0.0.1:8787";

let baseUrl = DEFAULT_API_URL;
let inflight: Promise<string | null> | null = null;

const client = () =>
  createControlClient({
    baseUrl,
    getToken: () => session.get()?.accessToken ?? null,
    refresh: async () => (await refreshSession().catch(() => null)) !== null,
  });
let current = client();

export function setApiBaseUrl(url: string): void {
  baseUrl = url.replace(/\/+$/, "");
  current = client();
}

export function apiBaseUrl(): string {
  return baseUrl;
}

export function isPublic(id: OperationId): boolean {
  return OPERATIONS[id].role === "public";
}

export async function call<Id extends OperationId>(id: Id, ...args: CallArgs<Id>): Promise<OperationResponse<Id>> {
  const s = session.get();
  if (!isPublic(id) && s !== null && accessExpiring(s)) await refreshSession().catch(() => null);
  try {
    return await current.call(id, ...args);
  } catch (error) {
    if (!isPublic(id) && isSessionOver(error)) endSession(error);
    throw error;
  }
}

/** Rotates the refresh token; concurrent callers share one rotation. Returns the new access token or null. */
export function refreshSession(): Promise<string | null> {
  inflight ??= rotate().finally(() => {
    inflight = null;
  });
  return inflight;
}

async function rotate(): Promise<string | null> {
  const s = session.get();
  if (s === null) return null;
  const stored = storedSession();
  if (stored !== null && stored.refreshToken !== s.refreshToken && !accessExpiring(stored)) {
    adoptSession(stored);
    return stored.accessToken;
  }
  try {
    const answer = await current.call("refreshSession", { body: { refresh_token: s.refreshToken } });
    return saveSession(answer).accessToken;
  } catch (error) {
    if (errorCode(error) === "CONFLICT") {
      // Another tab rotated the same token a moment ago: its successor lands in storage.
      await new Promise((r) => setTimeout(r, 600));
      const later = storedSession();
      if (later !== null && later.refreshToken !== s.refreshToken) {
        adoptSession(later);
        return later.accessToken;
      }
    }
    if (isApiError(error) && error.status === 401) endSession(error);
    throw error;
  }
}

function endSession(error: unknown): void {
  if (session.get() === null) return;
  clearSession(describeError(error).title);
}
