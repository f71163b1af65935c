import { describe, expect, it } from "vitest";
import { jsonPost } from "../helpers/gateway";
import { createTestAgent, mockBill, mockUrl, settled } from "../helpers/fixtures";

const streamStatus = async (id: string) => (await fetch(`${mockUrl()}/__mock/streams/${id}`)).json<{ chunks_sent: number; done: boolean }>();

describe("streams pass through as they arrive", () => {
  it("the first chunk reaches the agent before the provider produced the last", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const hold = crypto.randomUUID();
    const res = await jsonPost("/v1/chat/completions", agent.token, { model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: `go [[mock:hold=${hold}]]` }] });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const body: ReadableStream<Uint8Array> | null = res.body;
    const reader = body?.getReader();
    if (reader === undefined) throw new Error("no body");
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toMatch(/^data: /);
    const during = await streamStatus(hold);
    expect(during.done).toBe(false);
    await fetch(`${mockUrl()}/__mock/release/${hold}`, { method: "POST" });
    let rest = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    expect(rest).toContain("data: [DONE]");
    expect((await streamStatus(hold)).done).toBe(true);
    const ledger = await settled(agent.agentId);
    expect(ledger.spentMicros).toBe((await mockBill(agent.openaiKey)).cost_micros);
  });

  it("a stream whose provider sends no usage is charged its whole reservation, never zero", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const res = await jsonPost("/v1/chat/completions", agent.token, { model: "gpt-4o-mini", stream: true, max_tokens: 50, messages: [{ role: "user", content: "go [[mock:fault=missing_usage]]" }] });
    await res.text();
    const reserved = Number(res.headers.get("x-iron-reserved-usd")) * 1_000_000;
    const ledger = await settled(agent.agentId);
    expect(ledger.spentMicros).toBe(Math.round(reserved));
    expect(ledger.spentMicros).toBeGreaterThanOrEqual((await mockBill(agent.openaiKey)).cost_micros);
  });

  it("a malformed SSE line does not break the stream", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const res = await jsonPost("/v1/chat/completions", agent.token, { model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "go [[mock:fault=malformed_sse]]" }] });
    const text = await res.text();
    expect(text).toContain("data: [DONE]");
    const ledger = await settled(agent.agentId);
    expect(ledger.spentMicros).toBe((await mockBill(agent.openaiKey)).cost_micros);
  });

  it("a provider that cuts the stream ends it with a well-formed error event", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const res = await jsonPost("/v1/chat/completions", agent.token, { model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "go [[mock:fault=disconnect]]" }] });
    const text = await res.text();
    expect(text).toContain('"code":"upstream_error"');
    expect(text).not.toContain("[DONE]");
    const ledger = await settled(agent.agentId);
    expect(ledger.spentMicros).toBeGreaterThanOrEqual((await mockBill(agent.openaiKey)).cost_micros);
  });

  it("upstream errors come back in the caller's shape; a provider 5xx costs nothing", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const res = await jsonPost("/v1/chat/completions", agent.token, { model: "gpt-4o-mini", messages: [{ role: "user", content: "go [[mock:fault=error_503]]" }] });
    expect(res.status).toBe(502);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe("upstream_error");
    const limited = await jsonPost("/v1/messages", null, { model: "claude-haiku-4-5", max_tokens: 20, messages: [{ role: "user", content: "go [[mock:fault=rate_limit]] [[mock:retry_after=7]]" }] }, { "x-api-key": agent.token, "anthropic-version": "2023-06-01" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect((await limited.json<{ type: string; error: { code: string } }>()).error.code).toBe("rate_limited");
    const ledger = await settled(agent.agentId);
    expect(ledger.spentMicros).toBe(0);
  });
});
