import { ApiError, createControlClient, OPERATIONS, type CallArgs, type OperationId, type OperationResponse } from "../../../client/src/index";
import { describeError, errorCode, isApiError, isSessionOver } from "./errors";
import { accessExpiring, adoptSession, clearSession, saveSession, session, storedSession, type Session } from "./session";

/**
 * The dashboard's one door to the control API: the shared typed client (client/src) with the session's access
 * token, refreshed before it expires (one rotation for all concurrent calls), and the session ended — back to
 * sign-in, drafts kept — when the server says the login is over.
 */
export const DEFAULT_API_URL = "http://127.0.0.1:8787";

let baseUrl = DEFAULT_API_URL;
let inflight: Promise<string | null> | null = null;

/**
 * A client whose calls carry the token of `owner`'s session only: when another person's session replaces it
 * (signed in in another tab) while a call is on its way, the call is not sent, or retried, as that person.
 */
const clientFor = (owner: string | null) =>
  createControlClient({
    baseUrl,
    getToken: () => {
      const s = session.get();
      return s !== null && (owner === null || s.user.id === owner) ? s.accessToken : null;
    },
    refresh: async () => (await refreshSession().catch(() => null)) !== null,
  });

export function setApiBaseUrl(url: string): void {
  baseUrl = url.replace(/\/+$/, "");
}

export function apiBaseUrl(): string {
  return baseUrl;
}

export function isPublic(id: OperationId): boolean {
  return OPERATIONS[id].role === "public";
}

/** A call started for one person that would now go out as another: refused here, nothing is sent. */
export const USER_CHANGED = "SESSION_USER_CHANGED";

function userChanged(): ApiError {
  return new ApiError({ status: 0, code: USER_CHANGED, message: "Someone else signed in to the dashboard in another tab; nothing was sent." });
}

export async function call<Id extends OperationId>(id: Id, ...args: CallArgs<Id>): Promise<OperationResponse<Id>> {
  const s = isPublic(id) ? null : session.get();
  const owner = s?.user.id ?? null;
  if (s !== null && accessExpiring(s)) await refreshSession().catch(() => null);
  const now = session.get();
  if (owner !== null && now !== null && now.user.id !== owner) throw userChanged();
  try {
    return await clientFor(owner).call(id, ...args);
  } catch (error) {
    if (!isPublic(id) && isSessionOver(error)) endSession(error, owner);
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
  if (stored !== null && stored.refreshToken !== s.refreshToken && !accessExpiring(stored)) return adopt(s, stored);
  try {
    const answer = await clientFor(null).call("refreshSession", { body: { refresh_token: s.refreshToken } });
    return saveSession(answer).accessToken;
  } catch (error) {
    if (errorCode(error) === "CONFLICT") {
      // Another tab rotated the same token a moment ago: its successor lands in storage.
      await new Promise((r) => setTimeout(r, 600));
      const later = storedSession();
      if (later !== null && later.refreshToken !== s.refreshToken) return adopt(s, later);
    }
    if (isApiError(error) && error.status === 401) endSession(error, s.user.id);
    throw error;
  }
}

/**
 * Takes over the session another tab stored. The same person: its access token serves the waiting calls. Another
 * person (signed in there since): this tab becomes theirs — the name cache and drafts go (session.ts), app.tsx
 * reloads `me` and every screen — and the calls made for the previous person get no token (null).
 */
function adopt(mine: Session, theirs: Session): string | null {
  adoptSession(theirs);
  return theirs.user.id === mine.user.id ? theirs.accessToken : null;
}

/** Back to sign-in, unless the session that failed was already replaced by another person's. */
function endSession(error: unknown, owner: string | null): void {
  const s = session.get();
  if (s === null || (owner !== null && s.user.id !== owner)) return;
  clearSession(describeError(error).title);
}
