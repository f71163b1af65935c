import { useCallback, useState } from "preact/hooks";
import { readJson, writeJson } from "./storage";

/**
 * Form input that survives a session expiry: kept in sessionStorage while typed, restored when the same person
 * signs in again and lands back on the page, and removed once the form is sent, on sign-out, or when someone else
 * signs in (claimDrafts). Never used for secrets (passwords, keys, tokens).
 */
const PREFIX = "iron.draft.";
/** Whose drafts this tab holds (a user id). */
const OWNER = "iron.draft-owner";

export function loadDraft<T extends object>(key: string, initial: T): T {
  const saved = readJson("session", PREFIX + key);
  if (typeof saved !== "object" || saved === null) return initial;
  const base: Record<string, unknown> = Object.fromEntries(Object.entries(initial));
  const merged: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(saved)) {
    if (k in base && typeof v === typeof base[k]) merged[k] = v;
  }
  return merged as T;
}

export function saveDraft(key: string, value: object | null): void {
  writeJson("session", PREFIX + key, value);
}

export function useDraft<T extends object>(key: string, initial: T): [T, (patch: Partial<T>) => void, (next?: T) => void] {
  const [value, setValue] = useState<T>(() => loadDraft(key, initial));
  const update = useCallback(
    (patch: Partial<T>) => { setValue((prev) => {
        const next = { ...prev, ...patch };
        saveDraft(key, next);
        return next;
      }); },
    [key],
  );
  const reset = useCallback((next?: T) => {
    saveDraft(key, null);
    setValue(next ?? initial);
  }, [key]);
  return [value, update, reset];
}

/** On an explicit sign-out nothing typed stays behind in this tab. */
export function clearDrafts(): void {
  try {
    const store = globalThis.sessionStorage;
    for (const key of Object.keys(store)) if (key.startsWith(PREFIX) || key === OWNER) store.removeItem(key);
  } catch {
    /* no storage */
  }
}

/**
 * The drafts of this tab now belong to `userId`: kept when it is the person who typed them (a session that
 * expired and was signed in again), dropped when someone else signs in.
 */
export function claimDrafts(userId: string): void {
  const owner = readJson("session", OWNER);
  if (owner !== userId) {
    if (owner !== null) clearDrafts();
    writeJson("session", OWNER, userId);
  }
}
