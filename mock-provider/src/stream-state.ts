/**
 * Cross-request state inside the one mock isolate: held streams and their progress.
 * A held stream polls `released` with short sleeps; no promise is shared between requests
 * (workerd does not let one request resolve another request's promise).
 */

export interface StreamStatus {
  chunks_sent: number;
  done: boolean;
}

const released = new Set<string>();
const statuses = new Map<string, StreamStatus>();
const POLL_MS = 5;
/** Upper bound of any wait (hold, hang): the mock never keeps a request forever. */
export const MAX_WAIT_MS = 120_000;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sleeps `ms`, returning early when `signal` aborts. */
export async function sleepUnlessAborted(ms: number, signal: AbortSignal | undefined): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end && signal?.aborted !== true) await sleep(Math.min(50, end - Date.now()));
}

export function release(id: string): void {
  released.add(id);
}

/** Waits until `id` is released (or MAX_WAIT_MS passed). Returns whether it was released. */
export async function waitForRelease(id: string): Promise<boolean> {
  const end = Date.now() + MAX_WAIT_MS;
  while (!released.has(id)) {
    if (Date.now() >= end) return false;
    await sleep(POLL_MS);
  }
  return true;
}

export function trackStream(id: string): StreamStatus {
  const status: StreamStatus = { chunks_sent: 0, done: false };
  statuses.set(id, status);
  return status;
}

export function streamStatus(id: string): StreamStatus | undefined {
  return statuses.get(id);
}

export function resetStreams(): void {
  released.clear();
  statuses.clear();
}
