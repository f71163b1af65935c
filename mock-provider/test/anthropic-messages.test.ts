import { describe, expect, it } from "vitest";
import { countTokens, utf8Length } from "../../src/tokenizer/count-tokens";
import { bill, jsonEvents, messages, MOCK, newKey, parseSse } from "./helpers";

/** Anthropic's count as the mock defines it, recomputed here: o200k + 15 %, capped at UTF-8 bytes. */
const t = (text: string): number => Math.min(utf8Length(text), Math.ceil(countTokens(text, "o200k_base") * 1.15));
const o200 = (text: string): number => countTokens(text, "o200k_base");

interface Usage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  output_tokens: number;
}
interface Message {
  type: string;
  content: { type: string; text?: string; id?: string; name?: string; input?: unknown }[];
  stop_reason: string;
  usage?: Usage;
}

async function message(res: Response): Promise<Message> {
  expect(res.status).toBe(200);
  return await res.json<Message>();
}

describe("Anthropic messages, non-stream", () => {
  it("reports exact input tokens, a 12-token default reply, and bills it", async () => {
    const key = newKey();
    const system = "You are a careful assistant. Réponds en français si possible.";
    const body = await message(
      await messages(key, {
        model: "claude-sonnet-4-5",
        max_tokens: 100,
        system,
        messages: [
          { role: "user", content: "Bonjour, ça va ?" },
          { role: "assistant", content: [{ type: "text", text: "Oui, merci." }] },
          { role: "user", content: [{ type: "text", text: "Tell me more." }] },
        ],
      }),
    );
    const input = t(system) + (3 + t("Bonjour, ça va ?")) + (3 + t("Oui, merci.")) + (3 + t("Tell me more."));
    expect(body.type).toBe("message");
    expect(body.usage).toEqual({ input_tokens: input, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 12 });
    expect(body.stop_reason).toBe("end_turn");
    expect(o200(body.content[0]?.text ?? "")).toBe(12);
    // claude-sonnet-4-5: $3 input, $15 output per 1M tokens.
    const cost = Math.ceil((input * 3_000_000 + 12 * 15_000_000) / 1_000_000);
    expect(await bill(key)).toMatchObject({ requests: 1, input_tokens: input, output_tokens: 12, cost_micros: cost });
  });

  it("counts tools, tool_use input and tool_result text; reduces input_tokens by cached tokens", async () => {
    const key = newKey();
    const tools = [{ name: "weather", description: "Weather of a city", input_schema: { type: "object", properties: { city: { type: "string" } } } }];
    const last = "and tomorrow? [[mock:cached=4]] [[mock:reply_tokens=5]]";
    const body = await message(
      await messages(key, {
        model: "claude-haiku-4-5",
        max_tokens: 50,
        tools,
        messages: [
          { role: "user", content: "Weather in Oslo?" },
          { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "weather", input: { city: "Oslo" } }] },
          { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: [{ type: "text", text: "sunny" }] }, { type: "text", text: last }] },
        ],
      }),
    );
    const total = t(JSON.stringify(tools)) + (3 + t("Weather in Oslo?")) + (3 + t(JSON.stringify({ city: "Oslo" }))) + (3 + t("sunny") + t(last));
    expect(body.usage).toMatchObject({ input_tokens: total - 4, cache_read_input_tokens: 4, output_tokens: 5 });
    // claude-haiku-4-5: $1 input, $0.10 cache read, $5 output per 1M tokens.
    const cost = Math.ceil(((total - 4) * 1_000_000 + 4 * 100_000 + 5 * 5_000_000) / 1_000_000);
    expect((await bill(key)).entries[0]).toMatchObject({ input_tokens: total, cached_tokens: 4, output_tokens: 5, cost_micros: cost });
  });

  it("stops at max_tokens with stop_reason max_tokens", async () => {
    const body = await message(await messages(newKey(), { model: "claude-haiku-4-5", max_tokens: 4, messages: [{ role: "user", content: "hi" }] }));
    expect(body.usage?.output_tokens).toBe(4);
    expect(body.stop_reason).toBe("max_tokens");
    expect(o200(body.content[0]?.text ?? "")).toBe(4);
  });

  it("answers a tool directive or a forced tool_choice with a tool_use block", async () => {
    const tools = [{ name: "lookup", input_schema: { type: "object" } }];
    const forced = await message(
      await messages(newKey(), { model: "claude-opus-4-5", max_tokens: 100, tools, tool_choice: { type: "tool", name: "lookup" }, messages: [{ role: "user", content: "go" }] }),
    );
    expect(forced.content).toEqual([{ type: "tool_use", id: expect.stringMatching(/^toolu_/) as unknown, name: "lookup", input: { q: "mock" } }]);
    expect(forced.stop_reason).toBe("tool_use");
    expect(forced.usage?.output_tokens).toBe(o200("lookup") + 5);
    const byDirective = await message(await messages(newKey(), { model: "claude-opus-4-5", max_tokens: 100, messages: [{ role: "user", content: "[[mock:tool=fetch_page]]" }] }));
    expect(byDirective.content[0]?.name).toBe("fetch_page");
  });

  it("refuses a missing key (401), version header or max_tokens (400), and an unknown model (404)", async () => {
    const ok = { model: "claude-haiku-4-5", max_tokens: 10, messages: [{ role: "user", content: "hi" }] };
    const noKey = await messages(null, ok);
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ type: "error", error: { type: "authentication_error" } });
    const noVersion = await fetch(`${MOCK}/v1/messages`, {
      method: "POST",
      headers: { "x-api-key": newKey(), "content-type": "application/json" },
      body: JSON.stringify(ok),
    });
    expect(noVersion.status).toBe(400);
    expect(await noVersion.json()).toMatchObject({ type: "error", error: { type: "invalid_request_error" } });
    const noMax = await messages(newKey(), { model: "claude-haiku-4-5", messages: ok.messages });
    expect(noMax.status).toBe(400);
    const unknown = await messages(newKey(), { ...ok, model: "claude-imaginary-9" });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ type: "error", error: { type: "not_found_error" } });
  });
});

describe("Anthropic messages, stream", () => {
  it("sends the named event sequence with input usage first and cumulative output usage last", async () => {
    const key = newKey();
    const text = "stream it [[mock:reply_tokens=3]] [[mock:cached=2]]";
    const res = await messages(key, { model: "claude-haiku-4-5", max_tokens: 100, stream: true, messages: [{ role: "user", content: text }] });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = parseSse(await res.text());
    expect(events.map((e) => e.event)).toEqual([
      "message_start",
      "content_block_start",
      "ping",
      "content_block_delta",
      "content_block_delta",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    const data = jsonEvents(events);
    expect(data.map((d) => d.type)).toEqual(events.map((e) => e.event));
    const input = 3 + t(text);
    expect(data[0]).toMatchObject({ message: { usage: { input_tokens: input - 2, cache_read_input_tokens: 2, cache_creation_input_tokens: 0, output_tokens: 1 } } });
    expect(data.slice(3, 6).map((d) => (d.delta as { type: string; text: string }).text)).toEqual([" the", " quick", " brown"]);
    expect(data[7]).toMatchObject({ delta: { stop_reason: "end_turn" }, usage: { output_tokens: 3 } });
    expect(await bill(key)).toMatchObject({ input_tokens: input, cached_tokens: 2, output_tokens: 3 });
  });

  it("streams a tool_use block with input_json_delta fragments", async () => {
    const res = await messages(newKey(), { model: "claude-haiku-4-5", max_tokens: 100, stream: true, messages: [{ role: "user", content: "[[mock:tool=lookup]]" }] });
    const data = jsonEvents(parseSse(await res.text()));
    expect(data[1]).toMatchObject({ type: "content_block_start", content_block: { type: "tool_use", name: "lookup", input: {} } });
    const fragments = data.filter((d) => d.type === "content_block_delta").map((d) => d.delta as { type: string; partial_json: string });
    expect(fragments.every((f) => f.type === "input_json_delta")).toBe(true);
    expect(fragments.map((f) => f.partial_json).join("")).toBe('{"q":"mock"}');
    expect(data.find((d) => d.type === "message_delta")).toMatchObject({ delta: { stop_reason: "tool_use" }, usage: { output_tokens: o200("lookup") + 5 } });
  });
});
