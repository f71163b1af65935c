import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { app } from "../../src/app";
import { CANARY_MARK, canaryViolations } from "../helpers/canary";
import { jsonPost } from "../helpers/gateway";
import { createTestAgent, mockBill, settled } from "../helpers/fixtures";

interface LogRow { id: string; agent_id: string; model: string; status: number; outcome: string; input_tokens: number; output_tokens: number; cost_micros: number; reserved_micros: number; usage_source: string }

async function auditRow(requestId: string): Promise<LogRow> {
  for (let i = 0; i < 100; i++) {
    const row = await env.DB.prepare("SELECT * FROM request_log WHERE id = ?").bind(requestId).first<LogRow>();
    if (row !== null) return row;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no audit row for ${requestId}`);
}

describe("audit: one record per request, no prompt, no secret", () => {
  it("writes a D1 row and one iron.request log line with tokens, cost and outcome, without the prompt text", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const lines: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((line: unknown) => { lines.push(String(line)); });
    const secretPrompt = "my private prompt text 7f3a";
    const res = await jsonPost("/v1/chat/completions", agent.token, { model: "gpt-4o-mini", messages: [{ role: "user", content: secretPrompt }] });
    const requestId = res.headers.get("x-request-id") ?? "";
    await res.text();
    const ledger = await settled(agent.agentId);
    const row = await auditRow(requestId);
    spy.mockRestore();
    const bill = await mockBill(agent.openaiKey);
    expect(row).toMatchObject({ agent_id: agent.agentId, model: "gpt-4o-mini", status: 200, outcome: "ok", usage_source: "provider" });
    expect(row.input_tokens).toBe(bill.input_tokens);
    expect(row.output_tokens).toBe(bill.output_tokens);
    expect(row.cost_micros).toBe(ledger.spentMicros);
    expect(row.reserved_micros).toBeGreaterThanOrEqual(row.cost_micros);
    const logLine = lines.find((l) => l.includes(requestId));
    expect(logLine).toBeDefined();
    expect(JSON.parse(logLine ?? "{}")).toMatchObject({ event: "iron.request", id: requestId, cost_micros: row.cost_micros });
    expect(JSON.stringify(row) + (logLine ?? "")).not.toContain(secretPrompt);
    expect(JSON.stringify(row) + (logLine ?? "")).not.toContain(agent.token);
  });

  it("refused requests are audited with cost 0", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const res = await jsonPost("/v1/chat/completions", agent.token, { model: "no-such-model", messages: [{ role: "user", content: "x" }] });
    const row = await auditRow(res.headers.get("x-request-id") ?? "");
    expect(row).toMatchObject({ outcome: "refused", status: 400, cost_micros: 0, agent_id: agent.agentId });
  });
});

describe("the gateway refuses to serve without a valid master key", () => {
  it("answers 503 service_misconfigured and forwards nothing", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const ctx = createExecutionContext();
    const request = new Request("http://gateway.test/v1/chat/completions", {
      method: "POST",
      headers: { authorization: `Bearer ${agent.token}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }),
    });
    const res = await app.fetch(request, { ...env, IRON_MASTER_KEY: "not-a-key" }, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(503);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe("service_misconfigured");
    expect((await mockBill(agent.openaiKey)).requests).toBe(0);
  });
});

describe("the canary watch itself", () => {
  it("flags a canary anywhere in the text it is shown", () => {
    const before = canaryViolations.violations.length;
    canaryViolations.check("probe", `key=sk-${CANARY_MARK}-x`);
    expect(canaryViolations.violations.length).toBe(before + 1);
    canaryViolations.violations.pop();
  });
});
