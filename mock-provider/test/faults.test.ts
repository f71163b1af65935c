import { describe, expect, it } from "vitest";
import { countTokens } from "../../src/tokenizer/count-tokens";
import { bill, bodyReader, chat, jsonEvents, messages, newKey, parseSse } from "./helpers";

const o200 = (text: string): number => countTokens(text, "o200k_base");
const userMsg = (content: string) => [{ role: "user", content }];
const claude = (content: string, extra: Record<string, unknown> = {}) => ({ model: "claude-haiku-4-5", max_tokens: 100, messages: userMsg(content), ...extra });
const gpt = (content: string, extra: Record<string, unknown> = {}) => ({ model: "gpt-4o-mini", messages: userMsg(content), ...extra });

/** Reads a body to its end; returns what arrived and whether the stream broke with an error. */
async function drain(res: Response): Promise<{ text: string; broke: boolean }> {
  const reader = bodyReader(res);
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { text, broke: false };
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return { text, broke: true };
  }
}

describe("error faults (never billed)", () => {
  it("error_500 and error_503 answer in each provider's error shape", async () => {
    const key = newKey();
    const a = await chat(key, gpt("[[mock:fault=error_500]]"));
    expect(a.status).toBe(500);
    expect(await a.json()).toMatchObject({ error: { type: "server_error" } });
    const b = await messages(key, claude("[[mock:fault=error_503]]"));
    expect(b.status).toBe(503);
    expect(await b.json()).toMatchObject({ type: "error", error: { type: "overloaded_error" } });
    expect((await bill(key)).requests).toBe(0);
  });

  it("rate_limit answers 429 with retry-after (default 1, or retry_after)", async () => {
    const key = newKey();
    const a = await chat(key, gpt("[[mock:fault=rate_limit]]"));
    expect(a.status).toBe(429);
    expect(a.headers.get("retry-after")).toBe("1");
    expect(await a.json()).toMatchObject({ error: { code: "rate_limit_exceeded" } });
    const b = await messages(key, claude("[[mock:fault=rate_limit]] [[mock:retry_after=7]]"));
    expect(b.status).toBe(429);
    expect(b.headers.get("retry-after")).toBe("7");
    expect(await b.json()).toMatchObject({ error: { type: "rate_limit_error" } });
    expect((await bill(key)).requests).toBe(0);
  });

  it("hang sends no headers until the client gives up", async () => {
    const key = newKey();
    const started = Date.now();
    const pending = chat(key, gpt("[[mock:fault=hang]]"), { signal: AbortSignal.timeout(400) });
    await expect(pending).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect((await bill(key)).requests).toBe(0);
  });
});

describe("delivery faults (billed)", () => {
  it("slow_first_byte holds the response headers for delay_ms", async () => {
    const key = newKey();
    const started = Date.now();
    const res = await messages(key, claude("[[mock:fault=slow_first_byte]] [[mock:delay_ms=400]]"));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    await res.json();
    expect(await bill(key)).toMatchObject({ requests: 1, output_tokens: 12 });
  });

  it("disconnect cuts an OpenAI stream after after_chunks chunks: no usage, no [DONE], bills what was sent", async () => {
    const key = newKey();
    const text = "[[mock:fault=disconnect]] [[mock:after_chunks=2]]";
    const res = await chat(key, gpt(text, { stream: true, stream_options: { include_usage: true } }));
    const { text: body, broke } = await drain(res);
    expect(broke).toBe(true);
    const events = parseSse(body);
    expect(events.some((e) => e.data === "[DONE]")).toBe(false);
    const chunks = jsonEvents(events) as { choices: { delta: { content?: string } }[]; usage?: unknown }[];
    expect(chunks.map((c) => c.choices[0]?.delta.content)).toEqual(["", " the", " quick"]);
    expect(chunks.every((c) => c.usage === null)).toBe(true);
    expect((await bill(key)).entries[0]).toMatchObject({ input_tokens: 3 + 3 + o200("user") + o200(text), output_tokens: 2, fault: "disconnect" });
  });

  it("disconnect cuts an Anthropic stream before message_delta (default after 3 chunks)", async () => {
    const key = newKey();
    const { text, broke } = await drain(await messages(key, claude("[[mock:fault=disconnect]]", { stream: true })));
    expect(broke).toBe(true);
    const names = parseSse(text).map((e) => e.event);
    expect(names.filter((n) => n === "content_block_delta")).toHaveLength(3);
    expect(names).not.toContain("message_delta");
    expect((await bill(key)).output_tokens).toBe(3);
  });

  it("disconnect truncates a non-stream JSON body, billed in full", async () => {
    const key = newKey();
    const res = await chat(key, gpt("[[mock:fault=disconnect]]"));
    expect(res.status).toBe(200);
    const { text } = await drain(res);
    expect(text.startsWith('{"id":"chatcmpl-')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect((await bill(key)).output_tokens).toBe(12);
  });

  it("malformed_sse puts one non-JSON data line mid-stream and then finishes normally", async () => {
    for (const res of [
      await chat(newKey(), gpt("[[mock:fault=malformed_sse]]", { stream: true })),
      await messages(newKey(), claude("[[mock:fault=malformed_sse]]", { stream: true })),
    ]) {
      const events = parseSse(await res.text());
      const bad = events.filter((e) => e.data !== "[DONE]" && !isJson(e.data));
      expect(bad).toHaveLength(1);
      expect(events.findIndex((e) => e === bad[0])).toBeGreaterThan(1);
      expect(events.at(-1)?.data === "[DONE]" || events.at(-1)?.event === "message_stop").toBe(true);
    }
  });

  it("missing_usage reports usage nowhere, and is still billed", async () => {
    const key = newKey();
    const streamed = await (await chat(key, gpt("[[mock:fault=missing_usage]]", { stream: true, stream_options: { include_usage: true } }))).text();
    expect(streamed).not.toContain("usage");
    expect(streamed).toContain("[DONE]");
    expect(await (await chat(key, gpt("[[mock:fault=missing_usage]]"))).json()).not.toHaveProperty("usage");
    const anthropicStream = jsonEvents(parseSse(await (await messages(key, claude("[[mock:fault=missing_usage]]", { stream: true }))).text()));
    expect(anthropicStream[0]).toMatchObject({ type: "message_start" });
    expect(JSON.stringify(anthropicStream)).not.toContain("usage");
    expect(await (await messages(key, claude("[[mock:fault=missing_usage]]"))).json()).not.toHaveProperty("usage");
    expect(await bill(key)).toMatchObject({ requests: 4, output_tokens: 48 });
  });

  it("ignore_max_tokens produces and bills reply_tokens past max_tokens", async () => {
    const key = newKey();
    const a = await (await chat(key, gpt("[[mock:fault=ignore_max_tokens]] [[mock:reply_tokens=10]]", { max_tokens: 3 }))).json<{
      choices: { message: { content: string }; finish_reason: string }[];
      usage: { completion_tokens: number };
    }>();
    expect(a.usage.completion_tokens).toBe(10);
    expect(o200(a.choices[0]?.message.content ?? "")).toBe(10);
    const b = await (await messages(key, claude("[[mock:fault=ignore_max_tokens]] [[mock:reply_tokens=9]]", { max_tokens: 2 }))).json<{
      usage: { output_tokens: number };
    }>();
    expect(b.usage.output_tokens).toBe(9);
    expect((await bill(key)).output_tokens).toBe(19);
  });
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
