/**
 * The shared cache behind the name lookups (ids → names for tables), kept apart from its loaders so the session
 * can empty it without an import cycle. Each entry remembers whose session loaded it: one person's names (every
 * agent, other users' emails for an admin) are never served to the next person who signs in.
 */
export type NameKind = "agents" | "providers" | "users";

export interface NameEntry {
  readonly at: number;
  readonly owner: string | null;
  readonly names: Promise<Map<string, string>>;
}

export const nameCache = new Map<NameKind, NameEntry>();

export function forgetNames(kind?: NameKind): void {
  if (kind === undefined) nameCache.clear();
  else nameCache.delete(kind);
}
