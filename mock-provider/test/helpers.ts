import { inject } from "vitest";

/** Base URL of the mock started by test/global-setup.ts. */
export const MOCK = inject("mockProviderUrl");

/** A fresh provider key per test, so bills never mix between tests or files. */
export function newKey(label = "test"): string {
  return `sk-mock-${label}-${crypto.randomUUID()}`;
}

export function openai(key: string | null, path: string, body: unknown, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key !== null) headers.authorization = `Bearer ${key}`;
  return fetch(`${MOCK}${path}`, { method: "POST", headers, body: JSON.stringify(body), ...init });
}

export function chat(key: string | null, body: unknown, init: RequestInit = {}): Promise<Response> {
  return openai(key, "/v1/chat/completions", body, init);
}

export function messages(key: string | null, body: unknown, extraHeaders: Record<string, string> = {}, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json", "anthropic-version": "2023-06-01", ...extraHeaders };
  if (key !== null) headers["x-api-key"] = key;
  return fetch(`${MOCK}/v1/messages`, { method: "POST", headers, body: JSON.stringify(body), ...init });
}

export interface SseEvent {
  event: string | null;
  data: string;
}

/** Splits an SSE body into events (`event:` name and `data:` text). */
export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.split("\n\n")) {
    if (block.trim() === "") continue;
    let event: string | null = null;
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event: ")) event = line.slice(7);
      else if (line.startsWith("data: ")) data.push(line.slice(6));
    }
    events.push({ event, data: data.join("\n") });
  }
  return events;
}

/** `data` of every event parsed as JSON, skipping `[DONE]`. */
export function jsonEvents(events: SseEvent[]): Record<string, unknown>[] {
  return events.filter((e) => e.data !== "[DONE]").map((e) => JSON.parse(e.data) as Record<string, unknown>);
}

import type { Bill } from "../src/bill";

export type { Bill, BillEntry } from "../src/bill";

export async function bill(key: string): Promise<Bill> {
  const res = await fetch(`${MOCK}/__mock/bill`, { headers: { authorization: `Bearer ${key}` } });
  return await res.json<Bill>();
}

/** A byte reader for a response body (workers-types leave the chunk type open). */
export function bodyReader(res: Response): ReadableStreamDefaultReader<Uint8Array> {
  const body = res.body as ReadableStream<Uint8Array> | null;
  if (body === null) throw new Error("response has no body");
  return body.getReader();
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
