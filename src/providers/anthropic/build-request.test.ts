import { describe, expect, it } from "vitest";
import { ProviderRequestError } from "../errors";
import { testCall } from "../testing/helpers";
import { buildAnthropicRequest } from "./build-request";

const claude = (overrides: Parameters<typeof testCall>[0]) =>
  testCall({ model: "claude-sonnet-4-5", baseUrl: "https://api.anthropic.com", apiKey: "sk-ant-api03-SECRET", ...overrides });

async function sent(overrides: Parameters<typeof testCall>[0]) {
  const request = buildAnthropicRequest(claude(overrides));
  return { request, body: await request.json<Record<string, unknown>>() };
}

describe("buildAnthropicRequest (Anthropic-shaped agent)", () => {
  it("passes the body through with model and max_tokens set, unknown fields kept", async () => {
    const body = { model: "alias", max_tokens: 64000, messages: [{ role: "user", content: "hi" }], thinking: { type: "enabled", budget_tokens: 2000 }, future_field: true };
    const { request, body: out } = await sent({ inbound: "anthropic", body, maxTokens: 4000, stream: true });
    expect(out).toEqual({ ...body, model: "claude-sonnet-4-5", max_tokens: 4000, stream: true });
    expect(request.url).toBe("https://api.anthropic.com/v1/messages");
  });

  it("sends only its own headers", () => {
    const request = buildAnthropicRequest(claude({ inbound: "anthropic", baseUrl: "https://proxy.example/v1/" }));
    expect(request.url).toBe("https://proxy.example/v1/messages");
    expect([...request.headers.keys()].sort()).toEqual(["accept", "anthropic-version", "content-type", "x-api-key"]);
    expect(request.headers.get("x-api-key")).toBe("sk-ant-api03-SECRET");
    expect(request.headers.get("anthropic-version")).toBe("2023-06-01");
  });

  it("has no embeddings", () => {
    expect(() => buildAnthropicRequest(claude({ endpoint: "embeddings" }))).toThrow(ProviderRequestError);
  });
});

describe("buildAnthropicRequest (OpenAI-shaped agent)", () => {
  const openaiBody = {
    model: "alias",
    messages: [
      { role: "system", content: "Be brief." },
      { role: "developer", content: [{ type: "text", text: "Use tools." }] },
      {
        role: "user",
        content: [
          { type: "text", text: "Compare these" },
          { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0K", detail: "high" } },
          { type: "image_url", image_url: { url: "https://img.example/b.jpg" } },
        ],
      },
      {
        role: "assistant",
        content: null,
        tool_calls: [
          { id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
          { id: "call_2", type: "function", function: { name: "get_time", arguments: "" } },
        ],
      },
      { role: "tool", tool_call_id: "call_1", content: "21C" },
      { role: "tool", tool_call_id: "call_2", content: [{ type: "text", text: "noon" }] },
      { role: "user", content: "Thanks" },
    ],
    tools: [
      { type: "function", function: { name: "get_weather", description: "Weather", parameters: { type: "object", properties: { city: { type: "string" } } }, strict: true } },
      { type: "function", function: { name: "get_time" } },
    ],
    tool_choice: "required",
    parallel_tool_calls: false,
    stop: "END",
    temperature: 1.7,
    top_p: 0.5,
    user: "user-42",
    response_format: { type: "json_object" },
    n: 1,
    max_tokens: 99999,
  };

  it("translates system, content parts, tool calls and results, tools, tool_choice, stop and sampling", async () => {
    const { body } = await sent({ body: openaiBody, maxTokens: 1000 });
    expect(body).toEqual({
      model: "claude-sonnet-4-5",
      max_tokens: 1000,
      system: [
        { type: "text", text: "Be brief." },
        { type: "text", text: "Use tools." },
      ],
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "Compare these" },
            { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0K" } },
            { type: "image", source: { type: "url", url: "https://img.example/b.jpg" } },
          ],
        },
        {
          role: "assistant",
          content: [
            { type: "tool_use", id: "call_1", name: "get_weather", input: { city: "Paris" } },
            { type: "tool_use", id: "call_2", name: "get_time", input: {} },
          ],
        },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "call_1", content: "21C" },
            { type: "tool_result", tool_use_id: "call_2", content: "noon" },
            { type: "text", text: "Thanks" },
          ],
        },
      ],
      temperature: 1,
      top_p: 0.5,
      stop_sequences: ["END"],
      metadata: { user_id: "user-42" },
      tools: [
        { name: "get_weather", description: "Weather", input_schema: { type: "object", properties: { city: { type: "string" } } } },
        { name: "get_time", input_schema: { type: "object", properties: {} } },
      ],
      tool_choice: { type: "any", disable_parallel_tool_use: true },
    });
  });

  it("maps tool_choice auto, none and a named function, and legacy functions", async () => {
    const choice = async (tool_choice: unknown) => (await sent({ body: { ...openaiBody, parallel_tool_calls: undefined, tool_choice } })).body.tool_choice;
    expect(await choice("auto")).toEqual({ type: "auto" });
    expect(await choice("none")).toEqual({ type: "none" });
    expect(await choice({ type: "function", function: { name: "get_time" } })).toEqual({ type: "tool", name: "get_time" });
    const legacy = { messages: [{ role: "user", content: "hi" }], functions: [{ name: "f", parameters: { type: "object" } }], function_call: { name: "f" } };
    expect((await sent({ body: legacy })).body).toMatchObject({ tools: [{ name: "f", input_schema: { type: "object" } }], tool_choice: { type: "tool", name: "f" } });
  });

  it("sets stream and falls back to the agent bound when none is given", async () => {
    const { body } = await sent({ body: { messages: [{ role: "user", content: "hi" }], max_completion_tokens: 77 }, maxTokens: null, stream: true });
    expect(body).toEqual({ model: "claude-sonnet-4-5", max_tokens: 77, messages: [{ role: "user", content: [{ type: "text", text: "hi" }] }], stream: true });
  });

  it("refuses parts it cannot express", () => {
    const audio = { messages: [{ role: "user", content: [{ type: "input_audio", input_audio: { data: "x", format: "wav" } }] }] };
    expect(() => buildAnthropicRequest(claude({ body: audio }))).toThrow(ProviderRequestError);
    const ftp = { messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "ftp://x/y.png" } }] }] };
    expect(() => buildAnthropicRequest(claude({ body: ftp }))).toThrow(ProviderRequestError);
  });
});
