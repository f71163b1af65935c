import { claimDrafts } from "../state/draft";
import { forgetNames } from "../state/name-cache";
import { createStore } from "../state/store";
import { readJson, writeJson } from "../state/storage";
import type { Role, SessionAnswer } from "./types";

/**
 * The login session: a 10-minute access token and a rotating refresh token. Kept in localStorage so a reload
 * or a second tab stays signed in; the refresh token is used once and replaced by its successor.
 */
export interface Session {
  readonly accessToken: string;
  readonly accessExpiresAt: number;
  readonly refreshToken: string;
  readonly refreshExpiresAt: number;
  readonly user: { readonly id: string; readonly email: string; readonly role: Role };
}

const KEY = "iron.session";

function isSession(value: unknown): value is Session {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<Record<keyof Session, unknown>>;
  return typeof v.accessToken === "string" && typeof v.refreshToken === "string" && typeof v.refreshExpiresAt === "number" && typeof v.user === "object";
}

function load(): Session | null {
  const stored = readJson("local", KEY);
  return isSession(stored) && stored.refreshExpiresAt > Date.now() ? stored : null;
}

export const session = createStore<Session | null>(load());
{
  // A tab reopened on another person's stored session must not offer them this tab's drafts.
  const initial = session.get();
  if (initial !== null) claimDrafts(initial.user.id);
}

/**
 * Every change of the session goes through here. When the person changes or signs out, what was loaded for the
 * previous one goes: the name cache always, the drafts when someone else signs in (an expired session of the same
 * person keeps them). The signed-in profile (`me`) follows in app.tsx, which reloads it for the new user.
 */
function setSession(next: Session | null): void {
  const before = session.get()?.user.id ?? null;
  session.set(next);
  if ((next?.user.id ?? null) !== before) forgetNames();
  if (next !== null) claimDrafts(next.user.id);
}

/** Why the user is on the sign-in screen, when it was not their own choice ("Your session expired …"). */
export const sessionNotice = createStore<string | null>(null);

export function sessionFrom(answer: SessionAnswer): Session {
  return {
    accessToken: answer.access_token,
    accessExpiresAt: Date.parse(answer.access_token_expires_at),
    refreshToken: answer.refresh_token,
    refreshExpiresAt: Date.parse(answer.refresh_token_expires_at),
    user: answer.user,
  };
}

export function saveSession(answer: SessionAnswer): Session {
  const next = sessionFrom(answer);
  writeJson("local", KEY, next);
  setSession(next);
  sessionNotice.set(null);
  return next;
}

export function clearSession(notice: string | null = null): void {
  writeJson("local", KEY, null);
  setSession(null);
  sessionNotice.set(notice);
}

/** What another tab stored since: a refresh that lost a race (CONFLICT) picks up the winner's tokens. */
export function storedSession(): Session | null {
  return load();
}

/** Adopt another tab's newer session without writing it back (it may be another person's: see api.ts rotate). */
export function adoptSession(next: Session): void {
  setSession(next);
}

/** True when the access token is gone or about to expire (refresh a little early: clocks drift). */
export function accessExpiring(s: Session, now: number = Date.now()): boolean {
  return s.accessExpiresAt - now < 30_000;
}
