import type { RedactionSession } from "../redact/session";
import type { Finding } from "../types";
import { createStreamScanner, type StreamFinding, type StreamScanner } from "./stream-scanner";
import type { StreamPolicy } from "./stream-policy";

/**
 * One incremental scanner per text of a streamed response (a choice's content, a tool call's arguments, a content
 * block), created on first sight, all sharing the request's redaction session so placeholders stay consistent.
 */
export interface ScannerSet {
  /** The text to forward for `delta` of text `key`; `null` once anything was blocked. */
  push(key: string, delta: string): string | null;
  /** Ends the texts whose key passes `which` and returns their held-back rest (`null` once blocked). */
  flush(which: (key: string) => boolean): [key: string, rest: string][] | null;
  blocked(): readonly Finding[] | null;
  findings(): StreamFinding[];
}

export function createScannerSet(policy: StreamPolicy, session: RedactionSession): ScannerSet {
  const open = new Map<string, StreamScanner>();
  const ended: StreamScanner[] = [];
  let blocked: readonly Finding[] | null = null;

  const scanner = (key: string): StreamScanner => {
    let s = open.get(key);
    if (s === undefined) {
      s = createStreamScanner(policy, session);
      open.set(key, s);
    }
    return s;
  };

  return {
    push(key, delta) {
      if (blocked !== null) return null;
      const result = scanner(key).push(delta);
      blocked = result.blocked;
      return blocked === null ? result.emit : null;
    },
    flush(which) {
      const out: [string, string][] = [];
      for (const [key, s] of [...open]) {
        if (blocked !== null || !which(key)) continue;
        const result = s.finish();
        blocked = result.blocked;
        open.delete(key);
        ended.push(s);
        if (result.emit !== "") out.push([key, result.emit]);
      }
      return blocked === null ? out : null;
    },
    blocked: () => blocked,
    findings: () => [...ended, ...open.values()].flatMap((s) => s.findings()),
  };
}
