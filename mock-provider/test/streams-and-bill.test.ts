import { describe, expect, it } from "vitest";
import { bill, bodyReader, chat, messages, MOCK, newKey, parseSse, sleep } from "./helpers";

interface StreamStatus {
  chunks_sent: number;
  done: boolean;
}

const status = async (id: string): Promise<StreamStatus> => (await fetch(`${MOCK}/__mock/streams/${id}`)).json<StreamStatus>();

/** Reads until `predicate` holds on everything read so far. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, predicate: (text: string) => boolean): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  while (!predicate(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

describe("held streams", () => {
  it("delivers the first chunk, waits for release, then finishes (the stream status proves the order)", async () => {
    const hold = `h-${crypto.randomUUID()}`;
    const res = await chat(newKey(), { model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: `[[mock:hold=${hold}]]` }] });
    const reader = bodyReader(res);
    const first = await readUntil(reader, (text) => text.includes('"content":" the"'));
    expect(first).not.toContain("[DONE]");
    expect(await status(hold)).toEqual({ chunks_sent: 1, done: false });
    await sleep(150);
    expect(await status(hold)).toEqual({ chunks_sent: 1, done: false });
    expect((await fetch(`${MOCK}/__mock/release/${hold}`, { method: "POST" })).status).toBe(200);
    const rest = await readUntil(reader, (text) => text.includes("[DONE]"));
    expect(parseSse(first + rest).filter((e) => e.data.includes('"content":" '))).toHaveLength(12);
    await sleep(20);
    expect(await status(hold)).toEqual({ chunks_sent: 12, done: true });
  });

  it("answers 404 for an unknown stream id", async () => {
    expect((await fetch(`${MOCK}/__mock/streams/never-${crypto.randomUUID()}`)).status).toBe(404);
  });
});

describe("ground-truth bill", () => {
  it("bills a stream the client abandons after one chunk for the whole generation", async () => {
    const key = newKey();
    const hold = `a-${crypto.randomUUID()}`;
    const text = `[[mock:reply_tokens=50]] [[mock:hold=${hold}]]`;
    const res = await messages(key, { model: "claude-haiku-4-5", max_tokens: 100, stream: true, messages: [{ role: "user", content: text }] });
    const reader = bodyReader(res);
    await readUntil(reader, (t) => t.includes("content_block_delta"));
    await reader.cancel();
    expect(await status(hold)).toEqual({ chunks_sent: 1, done: false });
    expect((await bill(key)).entries).toMatchObject([{ stream: true, output_tokens: 50 }]);
    await fetch(`${MOCK}/__mock/release/${hold}`, { method: "POST" });
  });

  it("keeps one bill per key and shows each key only its own entries", async () => {
    const [a, b] = [newKey("a"), newKey("b")];
    await (await chat(a, { model: "gpt-4o-mini", messages: [{ role: "user", content: "[[mock:reply_tokens=2]]" }] })).json();
    await (await chat(a, { model: "gpt-4o-mini", messages: [{ role: "user", content: "[[mock:reply_tokens=3]]" }] })).json();
    await (await messages(b, { model: "claude-haiku-4-5", max_tokens: 9, messages: [{ role: "user", content: "hi" }] })).json();
    const billA = await bill(a);
    expect(billA).toMatchObject({ requests: 2, output_tokens: 5 });
    expect(billA.entries.map((e) => e.model)).toEqual(["gpt-4o-mini", "gpt-4o-mini"]);
    expect(billA.cost_micros).toBe(billA.entries.reduce((sum, e) => sum + e.cost_micros, 0));
    const viaAnthropicKey = await fetch(`${MOCK}/__mock/bill`, { headers: { "x-api-key": b } });
    expect(await viaAnthropicKey.json()).toMatchObject({ requests: 1, output_tokens: 9, entries: [{ model: "claude-haiku-4-5" }] });
    expect((await fetch(`${MOCK}/__mock/bill`)).status).toBe(401);
  });

  it("logs request bodies and header names (never values) per key, and resets one key", async () => {
    const key = newKey();
    const body = { model: "gpt-4o", messages: [{ role: "user", content: "hi" }], max_tokens: 7, stream: true, stream_options: { include_usage: true } };
    await (await chat(key, body, { headers: { authorization: `Bearer ${key}`, "x-secret-header": "s3cr3t-value" } })).text();
    const res = await fetch(`${MOCK}/__mock/requests`, { headers: { authorization: `Bearer ${key}` } });
    const raw = await res.text();
    expect(raw).not.toContain("s3cr3t-value");
    expect(raw).not.toContain(key);
    const log = JSON.parse(raw) as { requests: { method: string; path: string; body: unknown; headers: string[] }[] };
    expect(log.requests).toHaveLength(1);
    expect(log.requests[0]).toMatchObject({ method: "POST", path: "/v1/chat/completions", body });
    expect(log.requests[0]?.headers).toEqual(expect.arrayContaining(["authorization", "x-secret-header"]) as unknown);
    const other = newKey();
    await (await chat(other, { model: "gpt-4o", messages: [{ role: "user", content: "hi" }] })).json();
    await fetch(`${MOCK}/__mock/reset`, { method: "POST", headers: { authorization: `Bearer ${key}` } });
    expect((await bill(key)).requests).toBe(0);
    expect((await bill(other)).requests).toBe(1);
  });
});
