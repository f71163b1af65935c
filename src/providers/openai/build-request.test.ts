import { describe, expect, it } from "vitest";
import { ProviderRequestError } from "../errors";
import { testCall } from "../testing/helpers";
import { buildOpenAIRequest } from "./build-request";

async function sent(overrides: Parameters<typeof testCall>[0]) {
  const request = buildOpenAIRequest(testCall(overrides));
  return { request, body: await request.json<Record<string, unknown>>() };
}

describe("buildOpenAIRequest (OpenAI-shaped agent)", () => {
  it("passes the body through with model and bound replaced, unknown fields kept", async () => {
    const body = { model: "alias", messages: [{ role: "user", content: "hi" }], max_tokens: 9999, logit_bias: { "50256": -100 }, x_custom: 1 };
    const { request, body: out } = await sent({ body, model: "gpt-4o-mini", maxTokens: 300 });
    expect(out).toEqual({ ...body, model: "gpt-4o-mini", max_tokens: 300 });
    expect(request.url).toBe("https://api.openai.com/v1/chat/completions");
    expect(request.method).toBe("POST");
  });

  it("keeps max_completion_tokens when the agent used it, and forces it for reasoning models", async () => {
    const own = await sent({ body: { messages: [], max_completion_tokens: 50 }, maxTokens: 40 });
    expect(own.body).toMatchObject({ max_completion_tokens: 40 });
    expect(own.body).not.toHaveProperty("max_tokens");
    for (const model of ["o1-mini", "o3", "o4-mini", "gpt-5-nano", "openai/o3-mini"]) {
      const { body } = await sent({ body: { messages: [], max_tokens: 1000 }, model, maxTokens: 64 });
      expect(body).toMatchObject({ max_completion_tokens: 64 });
      expect(body).not.toHaveProperty("max_tokens");
    }
  });

  it("forces include_usage on streams and keeps other stream options", async () => {
    const { request, body } = await sent({ body: { messages: [], stream: true, stream_options: { include_obfuscation: false } }, stream: true });
    expect(body).toMatchObject({ stream: true, stream_options: { include_obfuscation: false, include_usage: true } });
    expect(request.headers.get("accept")).toBe("text/event-stream");
  });

  it("sends only its own headers, with the provider key", () => {
    const { request } = { request: buildOpenAIRequest(testCall({ baseUrl: "https://compat.example/v1/" })) };
    expect(request.url).toBe("https://compat.example/v1/chat/completions");
    expect([...request.headers.keys()].sort()).toEqual(["accept", "authorization", "content-type"]);
    expect(request.headers.get("authorization")).toBe("Bearer sk-test-SECRET0123456789");
  });

  it("builds embeddings requests without a completion bound", async () => {
    const { request, body } = await sent({ endpoint: "embeddings", body: { input: ["a", "b"], dimensions: 256 }, model: "text-embedding-3-small", maxTokens: null });
    expect(request.url).toBe("https://api.openai.com/v1/embeddings");
    expect(body).toEqual({ input: ["a", "b"], dimensions: 256, model: "text-embedding-3-small" });
    expect(() => buildOpenAIRequest(testCall({ endpoint: "embeddings", inbound: "anthropic" }))).toThrow(ProviderRequestError);
  });
});

describe("buildOpenAIRequest (Anthropic-shaped agent)", () => {
  const anthropicBody = {
    model: "alias",
    max_tokens: 1024,
    system: [{ type: "text", text: "Be brief." }, { type: "text", text: "Use tools.", cache_control: { type: "ephemeral" } }],
    messages: [
      { role: "user", content: [{ type: "text", text: "Weather here?" }, { type: "image", source: { type: "base64", media_type: "image/jpeg", data: "AAAA" } }] },
      { role: "assistant", content: [{ type: "thinking", thinking: "...", signature: "s" }, { type: "text", text: "Checking." }, { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } }, { type: "tool_use", id: "toolu_2", name: "get_time", input: {} }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: [{ type: "text", text: "21C" }] }, { type: "tool_result", tool_use_id: "toolu_2", content: "noon", is_error: false }, { type: "text", text: "And tomorrow?" }] },
      { role: "user", content: [{ type: "image", source: { type: "url", url: "https://img.example/a.png" } }] },
    ],
    tools: [{ name: "get_weather", description: "Weather", input_schema: { type: "object", properties: { city: { type: "string" } } } }, { name: "get_time", input_schema: { type: "object" } }],
    tool_choice: { type: "any", disable_parallel_tool_use: true },
    stop_sequences: ["END"],
    temperature: 0.2,
    top_p: 0.9,
    top_k: 5,
    metadata: { user_id: "user-42" },
  };

  it("translates system, content blocks, tool use/results, tools, tool_choice, stop and sampling", async () => {
    const { body } = await sent({ inbound: "anthropic", body: anthropicBody, model: "gpt-4o", maxTokens: 500 });
    expect(body).toEqual({
      model: "gpt-4o",
      max_tokens: 500,
      messages: [
        { role: "system", content: "Be brief.\nUse tools." },
        { role: "user", content: [{ type: "text", text: "Weather here?" }, { type: "image_url", image_url: { url: "data:image/jpeg;base64,AAAA" } }] },
        {
          role: "assistant",
          content: "Checking.",
          tool_calls: [
            { id: "toolu_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
            { id: "toolu_2", type: "function", function: { name: "get_time", arguments: "{}" } },
          ],
        },
        { role: "tool", tool_call_id: "toolu_1", content: "21C" },
        { role: "tool", tool_call_id: "toolu_2", content: "noon" },
        { role: "user", content: [{ type: "text", text: "And tomorrow?" }] },
        { role: "user", content: [{ type: "image_url", image_url: { url: "https://img.example/a.png" } }] },
      ],
      temperature: 0.2,
      top_p: 0.9,
      stop: ["END"],
      user: "user-42",
      tools: [
        { type: "function", function: { name: "get_weather", description: "Weather", parameters: { type: "object", properties: { city: { type: "string" } } } } },
        { type: "function", function: { name: "get_time", parameters: { type: "object" } } },
      ],
      tool_choice: "required",
      parallel_tool_calls: false,
    });
  });

  it("maps named tool choices, streams with usage, and uses max_completion_tokens for reasoning models", async () => {
    const { body } = await sent({ inbound: "anthropic", body: { ...anthropicBody, tool_choice: { type: "tool", name: "get_time" } }, model: "o4-mini", stream: true });
    expect(body).toMatchObject({ tool_choice: { type: "function", function: { name: "get_time" } }, max_completion_tokens: 256, stream: true, stream_options: { include_usage: true } });
    expect(body).not.toHaveProperty("parallel_tool_calls");
  });

  it("refuses blocks and tools it cannot express", () => {
    const doc = { messages: [{ role: "user", content: [{ type: "document", source: { type: "base64", media_type: "application/pdf", data: "x" } }] }] };
    expect(() => buildOpenAIRequest(testCall({ inbound: "anthropic", body: doc }))).toThrow(ProviderRequestError);
    const server = { messages: [{ role: "user", content: "hi" }], tools: [{ type: "web_search_20250305", name: "web_search" }] };
    expect(() => buildOpenAIRequest(testCall({ inbound: "anthropic", body: server }))).toThrow(ProviderRequestError);
  });
});
