import type { RequestRecord, SafetyFinding } from "../api/types";

/** Safety findings flattened out of request records: one event per finding, newest request first. */
export interface SafetyEvent {
  readonly key: string;
  readonly request: RequestRecord;
  readonly finding: SafetyFinding;
}

export function safetyEvents(requests: readonly RequestRecord[]): SafetyEvent[] {
  const events: SafetyEvent[] = [];
  for (const request of requests) {
    request.safety.forEach((finding, i) => events.push({ key: `${request.id}:${i}`, request, finding }));
  }
  return events;
}
