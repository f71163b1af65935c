import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { generateToken } from "../../src/tokens/opaque-token";
import { revokeAgentToken } from "../../src/services/agents/token-lifecycle";
import { jsonPost } from "../helpers/gateway";
import { budgetOf, createTestAgent, mockBill, settled, type TestAgent } from "../helpers/fixtures";

const chat = (content = "hi") => ({ model: "gpt-4o-mini", messages: [{ role: "user", content }] });

async function expectNothingCharged(agent: TestAgent): Promise<void> {
  const bill = await mockBill(agent.openaiKey);
  expect(bill.requests).toBe(0);
  const budget = await budgetOf(agent.agentId);
  expect(budget.spentMicros).toBe(0);
  expect(budget.reservedMicros).toBe(0);
}

interface OpenAIError { error: { message: string; type: string; param: string | null; code: string } }

describe("bad input gets a clear error in the caller's shape and costs nothing", () => {
  it("malformed JSON", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const res = await jsonPost("/v1/chat/completions", agent.token, '{"model": "gpt-4o-mini", "messages": [');
    expect(res.status).toBe(400);
    const body = await res.json<OpenAIError>();
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toMatch(/not valid JSON/);
    expect(res.headers.get("x-should-retry")).toBe("false");
    await expectNothingCharged(agent);
  });

  it("wrong types and missing messages, every problem reported with the field", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const wrongType = await jsonPost("/v1/chat/completions", agent.token, { model: "gpt-4o-mini", messages: "hello", max_tokens: "ten" });
    expect(wrongType.status).toBe(400);
    const body = await wrongType.json<OpenAIError>();
    expect(body.error.param).toBe("messages");
    expect(body.error.message).toContain("max_tokens");
    const missing = await jsonPost("/v1/chat/completions", agent.token, { model: "gpt-4o-mini" });
    expect(missing.status).toBe(400);
    expect((await missing.json<OpenAIError>()).error.param).toBe("messages");
    const notObject = await jsonPost("/v1/chat/completions", agent.token, "[1,2,3]");
    expect(notObject.status).toBe(400);
    await expectNothingCharged(agent);
  });

  it("Anthropic-shaped errors on /v1/messages (max_tokens is required)", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const res = await jsonPost("/v1/messages", null, { model: "claude-haiku-4-5", messages: [{ role: "user", content: "hi" }] }, { "x-api-key": agent.token, "anthropic-version": "2023-06-01" });
    expect(res.status).toBe(400);
    const body = await res.json<{ type: string; error: { type: string; code: string; message: string } }>();
    expect(body.type).toBe("error");
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toContain("max_tokens");
    await expectNothingCharged(agent);
  });

  it("oversize body is refused with 413 before it is buffered", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const limit = Number.parseInt(env.IRON_MAX_BODY_BYTES, 10);
    const res = await jsonPost("/v1/chat/completions", agent.token, chat("x".repeat(limit + 10)));
    expect(res.status).toBe(413);
    expect((await res.json<OpenAIError>()).error.code).toBe("payload_too_large");
    await expectNothingCharged(agent);
  });

  it("missing, malformed, bad-checksum, unknown and revoked tokens are 401", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const flipped = agent.token.slice(0, 10) + (agent.token[10] === "A" ? "B" : "A") + agent.token.slice(11);
    const neverIssued = generateToken("ic_");
    const cases: (string | null)[] = [null, "not-a-token", "ic_short", flipped, `sk-${agent.token}`, neverIssued];
    for (const token of cases) {
      const res = await jsonPost("/v1/chat/completions", token, chat());
      expect(res.status, String(token)).toBe(401);
      expect((await res.json<OpenAIError>()).error.code).toBe("invalid_agent_token");
    }
    const other = await createTestAgent({ budgetUsd: 1 });
    await revokeAgentToken(env, other.agentId);
    const revoked = await jsonPost("/v1/chat/completions", other.token, chat());
    expect(revoked.status).toBe(401);
    expect((await mockBill(other.openaiKey)).requests).toBe(0);
    await expectNothingCharged(agent);
  });

  it("unknown and unpriced models are refused, never charged $0", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const res = await jsonPost("/v1/chat/completions", agent.token, { ...chat(), model: "gpt-unknown-9" });
    expect(res.status).toBe(400);
    expect((await res.json<OpenAIError>()).error.code).toBe("model_not_priced");
    await expectNothingCharged(agent);
  });

  it("models outside the agent's allow-list are refused", async () => {
    const agent = await createTestAgent({ budgetUsd: 1, allowedModels: ["gpt-4o-mini"] });
    const res = await jsonPost("/v1/chat/completions", agent.token, { ...chat(), model: "gpt-4o" });
    expect(res.status).toBe(403);
    expect((await res.json<OpenAIError>()).error.code).toBe("model_not_allowed");
    await expectNothingCharged(agent);
  });

  it("agent-supplied upstream overrides are refused; agent headers never choose the upstream", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    for (const field of ["api_base", "base_url", "api_key", "extra_headers"]) {
      const res = await jsonPost("/v1/chat/completions", agent.token, { ...chat(), [field]: "http://169.254.169.254/latest" });
      expect(res.status, field).toBe(400);
      expect((await res.json<OpenAIError>()).error.param).toBe(field);
    }
    await expectNothingCharged(agent);
    const res = await jsonPost("/v1/chat/completions", agent.token, chat(), { "x-forwarded-host": "evil.example", host: "evil.example", "openai-base-url": "http://evil.example" });
    expect(res.status).toBe(200);
    const bill = await mockBill(agent.openaiKey);
    expect(bill.requests).toBe(1);
  });

  it("unknown routes answer 404 in OpenAI shape", async () => {
    const res = await jsonPost("/v1/completions/legacy", null, {});
    expect(res.status).toBe(404);
    expect((await res.json<OpenAIError>()).error.code).toBe("not_found");
  });
});

describe("requests that cannot be translated for the chosen upstream", () => {
  it("are refused in the caller's shape and the reservation is released, not charged", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const res = await jsonPost("/v1/chat/completions", agent.token, {
      model: "claude-haiku-4-5",
      messages: [{ role: "user", content: [{ type: "input_audio", input_audio: { data: "AAAA", format: "wav" } }] }],
    });
    expect(res.status).toBe(400);
    expect((await res.json<OpenAIError>()).error.code).toBe("invalid_request");
    const ledger = await settled(agent.agentId);
    expect(ledger.spentMicros).toBe(0);
    expect((await mockBill(agent.anthropicKey)).requests).toBe(0);
  });
});
