import { describe, expect, it } from "vitest";
import { countTokens } from "../../src/tokenizer/count-tokens";
import { bill, chat, jsonEvents, newKey, parseSse } from "./helpers";

const o200 = (t: string): number => countTokens(t, "o200k_base");
const cl100 = (t: string): number => countTokens(t, "cl100k_base");

interface ToolCall {
  id: string;
  type: string;
  function: { name: string; arguments: string };
}
interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number };
  completion_tokens_details: { reasoning_tokens: number };
}
interface Completion {
  object: string;
  choices: { message: { role: string; content: string | null; tool_calls?: ToolCall[] }; finish_reason: string }[];
  usage?: Usage;
}

async function completion(res: Response): Promise<Completion> {
  expect(res.status).toBe(200);
  return await res.json<Completion>();
}

describe("OpenAI chat completions, non-stream", () => {
  it("reports exact prompt tokens, a 12-token default reply, and bills it at the model's price", async () => {
    const key = newKey();
    const text = "Say something about foxes.";
    const res = await chat(key, { model: "gpt-4o-mini", messages: [{ role: "system", content: "You are terse." }, { role: "user", content: text }] });
    const body = await completion(res);
    const prompt = 3 + (3 + o200("system") + o200("You are terse.")) + (3 + o200("user") + o200(text));
    expect(body.object).toBe("chat.completion");
    expect(body.usage).toMatchObject({ prompt_tokens: prompt, completion_tokens: 12, total_tokens: prompt + 12 });
    expect(body.usage?.prompt_tokens_details.cached_tokens).toBe(0);
    const choice = body.choices[0];
    expect(choice?.finish_reason).toBe("stop");
    expect(o200(choice?.message.content ?? "")).toBe(12);
    // gpt-4o-mini: $0.15 input, $0.60 output per 1M tokens.
    const cost = Math.ceil((prompt * 150_000 + 12 * 600_000) / 1_000_000);
    expect(await bill(key)).toMatchObject({ requests: 1, input_tokens: prompt, output_tokens: 12, cost_micros: cost });
  });

  it("counts names, image parts, tool_calls and tools with the model's encoding (cl100k for gpt-3.5-turbo)", async () => {
    const key = newKey();
    const toolCalls = [{ id: "call_1", type: "function", function: { name: "weather", arguments: '{"city":"Oslo"}' } }];
    const tools = [{ type: "function", function: { name: "weather", parameters: { type: "object", properties: { city: { type: "string" } } } } }];
    const messages = [
      { role: "user", name: "alice", content: [{ type: "text", text: "look at this" }, { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } }] },
      { role: "assistant", content: null, tool_calls: toolCalls },
      { role: "tool", tool_call_id: "call_1", content: "sunny, 21 C" },
      { role: "user", content: "thanks [[mock:reply_tokens=2]]" },
    ];
    const body = await completion(await chat(key, { model: "gpt-3.5-turbo", messages, tools }));
    const prompt =
      3 +
      (3 + cl100("user") + cl100("look at this") + 85 + 1 + cl100("alice")) +
      (3 + cl100("assistant") + cl100(JSON.stringify(toolCalls))) +
      (3 + cl100("tool") + cl100("sunny, 21 C")) +
      (3 + cl100("user") + cl100("thanks [[mock:reply_tokens=2]]")) +
      cl100(JSON.stringify(tools));
    expect(body.usage?.prompt_tokens).toBe(prompt);
    expect(body.usage?.completion_tokens).toBe(2);
    expect(body.choices[0]?.message.content).toBe(" the quick");
  });

  it("never goes past max_tokens or max_completion_tokens, and says finish_reason length", async () => {
    const key = newKey();
    const user = { role: "user", content: "long please [[mock:reply_tokens=20]]" };
    const a = await completion(await chat(key, { model: "gpt-4o", messages: [user], max_tokens: 5 }));
    expect(a.usage?.completion_tokens).toBe(5);
    expect(o200(a.choices[0]?.message.content ?? "")).toBe(5);
    expect(a.choices[0]?.finish_reason).toBe("length");
    const b = await completion(await chat(key, { model: "gpt-4o", messages: [user], max_completion_tokens: 7 }));
    expect(b.usage?.completion_tokens).toBe(7);
    const c = await completion(await chat(key, { model: "gpt-4o", messages: [user], max_tokens: 20 }));
    expect(c.choices[0]?.finish_reason).toBe("stop");
    expect((await bill(key)).output_tokens).toBe(5 + 7 + 20);
  });

  it("reports reasoning inside completion tokens and within max_tokens, and cached prompt tokens", async () => {
    const key = newKey();
    const text = "think [[mock:reasoning=4]] [[mock:cached=5]]";
    const body = await completion(await chat(key, { model: "o4-mini", messages: [{ role: "user", content: text }], max_completion_tokens: 10 }));
    const prompt = 3 + 3 + o200("user") + o200(text);
    expect(body.usage).toMatchObject({
      prompt_tokens: prompt,
      completion_tokens: 10,
      prompt_tokens_details: { cached_tokens: 5 },
      completion_tokens_details: { reasoning_tokens: 4 },
    });
    expect(o200(body.choices[0]?.message.content ?? "")).toBe(6);
    expect(body.choices[0]?.finish_reason).toBe("length");
    // o4-mini: $1.10 input, $0.275 cached input, $4.40 output and reasoning per 1M tokens.
    const cost = Math.ceil(((prompt - 5) * 1_100_000 + 5 * 275_000 + 6 * 4_400_000 + 4 * 4_400_000) / 1_000_000);
    const entry = (await bill(key)).entries[0];
    expect(entry).toMatchObject({ input_tokens: prompt, cached_tokens: 5, output_tokens: 10, reasoning_tokens: 4, cost_micros: cost });
  });

  it("answers a tool directive or a forced tool_choice with a tool call", async () => {
    const key = newKey();
    const tools = [{ type: "function", function: { name: "lookup", parameters: { type: "object" } } }];
    const byDirective = await completion(await chat(key, { model: "gpt-4.1", messages: [{ role: "user", content: "[[mock:tool=search_web]]" }] }));
    const call = byDirective.choices[0]?.message.tool_calls?.[0];
    expect(call?.function).toEqual({ name: "search_web", arguments: '{"q":"mock"}' });
    expect(call?.type).toBe("function");
    expect(byDirective.choices[0]?.message.content).toBeNull();
    expect(byDirective.choices[0]?.finish_reason).toBe("tool_calls");
    expect(byDirective.usage?.completion_tokens).toBe(o200("search_web") + o200('{"q":"mock"}'));
    const forced = await completion(
      await chat(key, { model: "gpt-4.1", messages: [{ role: "user", content: "hi" }], tools, tool_choice: { type: "function", function: { name: "lookup" } } }),
    );
    expect(forced.choices[0]?.message.tool_calls?.[0]?.function.name).toBe("lookup");
  });

  it("refuses a missing key (401), an unknown or other-vendor model (404) and a bad directive (400)", async () => {
    const noKey = await chat(null, { model: "gpt-4o", messages: [{ role: "user", content: "hi" }] });
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ error: { type: "invalid_request_error", param: null, code: null } });
    for (const model of ["gpt-9-ultra", "claude-haiku-4-5", "text-embedding-3-small"]) {
      const res = await chat(newKey(), { model, messages: [{ role: "user", content: "hi" }] });
      expect(res.status, model).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: "model_not_found", type: "invalid_request_error" } });
    }
    const typo = await chat(newKey(), { model: "gpt-4o", messages: [{ role: "user", content: "[[mock:reply_tokenz=3]]" }] });
    expect(typo.status).toBe(400);
  });
});

describe("OpenAI chat completions, stream", () => {
  const user = (content: string) => ({ role: "user", content });

  it("sends role, one token per content chunk, the finish chunk and [DONE], and no usage unless asked", async () => {
    const res = await chat(newKey(), { model: "gpt-4o-mini", stream: true, messages: [user("stream please")] });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = parseSse(await res.text());
    expect(events.at(-1)?.data).toBe("[DONE]");
    const chunks = jsonEvents(events) as { object: string; choices: { delta: { role?: string; content?: string }; finish_reason: string | null }[]; usage?: unknown }[];
    expect(chunks.every((c) => c.object === "chat.completion.chunk" && !("usage" in c))).toBe(true);
    expect(chunks[0]?.choices[0]?.delta.role).toBe("assistant");
    const contents = chunks.slice(1, -1).map((c) => c.choices[0]?.delta.content ?? "");
    expect(contents).toHaveLength(12);
    for (const piece of contents) expect(o200(piece)).toBe(1);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("stop");
  });

  it("adds one usage chunk with empty choices before [DONE] when include_usage is set", async () => {
    const key = newKey();
    const text = "count me [[mock:reply_tokens=3]] [[mock:cached=2]]";
    const res = await chat(key, { model: "gpt-4o-mini", stream: true, stream_options: { include_usage: true }, messages: [user(text)] });
    const events = parseSse(await res.text());
    const chunks = jsonEvents(events) as { choices: unknown[]; usage?: Usage | null }[];
    const last = chunks.at(-1);
    const prompt = 3 + 3 + o200("user") + o200(text);
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toMatchObject({ prompt_tokens: prompt, completion_tokens: 3, total_tokens: prompt + 3, prompt_tokens_details: { cached_tokens: 2 } });
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    expect(events.at(-1)?.data).toBe("[DONE]");
    expect(await bill(key)).toMatchObject({ requests: 1, input_tokens: prompt, cached_tokens: 2, output_tokens: 3 });
  });

  it("streams a tool call as OpenAI does: id and name first, then argument fragments", async () => {
    const tools = [{ type: "function", function: { name: "lookup", parameters: { type: "object" } } }];
    const res = await chat(newKey(), { model: "gpt-4o", stream: true, messages: [user("go")], tools, tool_choice: "required" });
    type Delta = { tool_calls?: { index: number; id?: string; function: { name?: string; arguments: string } }[] };
    const chunks = jsonEvents(parseSse(await res.text())) as { choices: { delta: Delta; finish_reason: string | null }[] }[];
    const calls = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(calls[0]?.id).toMatch(/^call_/);
    expect(calls[0]?.function).toEqual({ name: "lookup", arguments: "" });
    expect(calls.slice(1).every((c) => c.id === undefined && c.function.name === undefined)).toBe(true);
    expect(calls.map((c) => c.function.arguments).join("")).toBe('{"q":"mock"}');
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("tool_calls");
  });
});

describe("reply directives", () => {
  it("reply_text answers with the text; reply_shifted with the text one code point lower", async () => {
    const key = newKey();
    const plain = await completion(await chat(key, { model: "gpt-4o-mini", messages: [{ role: "user", content: "[[mock:reply_text=a%40b.io%20ok]]" }] }));
    expect(plain.choices[0]?.message.content).toBe("a@b.io ok");
    const shifted = Array.from("a@b.io ok", (c) => String.fromCodePoint((c.codePointAt(0) ?? 0) + 1)).join("");
    const hidden = await completion(await chat(key, { model: "gpt-4o-mini", messages: [{ role: "user", content: `[[mock:reply_shifted=${encodeURIComponent(shifted)}]]` }] }));
    expect(shifted).not.toContain("@");
    expect(hidden.choices[0]?.message.content).toBe("a@b.io ok");
    const bad = await chat(key, { model: "gpt-4o-mini", messages: [{ role: "user", content: "[[mock:reply_shifted=%E0%A4%A]]" }] });
    expect(bad.status).toBe(400);
  });
});
