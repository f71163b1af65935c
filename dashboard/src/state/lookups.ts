import { useEffect, useState } from "preact/hooks";
import { call } from "../api/api";
import { session } from "../api/session";
import type { Pagination } from "../api/types";
import { me } from "./me";
import { nameCache, type NameKind } from "./name-cache";

export { forgetNames } from "./name-cache";

/**
 * Names for ids in tables (agents, providers, users), loaded once per half minute and shared by every screen.
 * Users can be listed by admins only; others see user ids (and "you" for themselves). The cache is emptied
 * whenever the signed-in person changes or signs out (api/session.ts), and an entry loaded under another
 * person's session is never served.
 */
type Kind = NameKind;

/** Follows next_cursor through up to 10 pages of 100. */
async function allPages<T>(page: (cursor: string | undefined) => Promise<{ data: readonly T[]; pagination: Pagination }>, name: (row: T) => [string, string]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let cursor: string | undefined;
  for (let i = 0; i < 10; i++) {
    const answer = await page(cursor);
    for (const row of answer.data) names.set(...name(row));
    if (answer.pagination.next_cursor === null) break;
    cursor = answer.pagination.next_cursor;
  }
  return names;
}

function load(kind: Kind): Promise<Map<string, string>> {
  if (kind === "agents") return allPages((cursor) => call("listAgents", { query: { limit: 100, cursor } }), (a) => [a.id, a.name]);
  if (kind === "providers") return allPages((cursor) => call("listProviders", { query: { limit: 100, cursor } }), (p) => [p.id, p.name]);
  if (me.get()?.effective_role !== "admin") return Promise.resolve(new Map<string, string>());
  return allPages((cursor) => call("listUsers", { query: { limit: 100, cursor } }), (u) => [u.id, u.email]);
}

export function names(kind: Kind): Promise<Map<string, string>> {
  const owner = session.get()?.user.id ?? null;
  const hit = nameCache.get(kind);
  if (hit !== undefined && hit.owner === owner && Date.now() - hit.at < 30_000) return hit.names;
  const entry = { at: Date.now(), owner, names: load(kind).catch(() => new Map<string, string>()) };
  nameCache.set(kind, entry);
  return entry.names;
}

export function useNames(kind: Kind): Map<string, string> {
  const [map, setMap] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    void names(kind).then((m) => {
      if (live) setMap(m);
    });
    return () => {
      live = false;
    };
  }, [kind]);
  return map;
}

/** A user id as a person reads it: "you", their email (admins), or the id. */
export function userLabel(id: string | null, users: Map<string, string>): string {
  if (id === null) return "—";
  if (id === me.get()?.id) return "you";
  return users.get(id) ?? id;
}
