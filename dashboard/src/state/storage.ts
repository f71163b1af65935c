/** Web Storage that never throws (private mode, disabled storage, or no window in tests). */
type Area = "local" | "session";

function area(kind: Area): Storage | null {
  try {
    return kind === "local" ? globalThis.localStorage : globalThis.sessionStorage;
  } catch {
    return null;
  }
}

export function readJson(kind: Area, key: string): unknown {
  try {
    const text = area(kind)?.getItem(key);
    return text === null || text === undefined ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

export function writeJson(kind: Area, key: string, value: unknown): void {
  try {
    if (value === null || value === undefined) area(kind)?.removeItem(key);
    else area(kind)?.setItem(key, JSON.stringify(value));
  } catch {
    /* storage full or unavailable: the value lives in memory only */
  }
}
