import { describe, expect, it } from "vitest";
import { createTestAgent, settled } from "../helpers/fixtures";
import { controlJson, makePerson } from "../helpers/control";
import { jsonPost } from "../helpers/gateway";
import { fakeAwsKey, findingsOf, logRow, setAgentPolicy, sha16 } from "./support";

/*
 * Output enforcement end to end: the mock provider replies with chosen text (`[[mock:reply_text=…]]`, streamed in
 * 3-character chunks, so a value is always split across several SSE events) and the agent must receive it redacted
 * or blocked. The input scan sees the directive too, so the secret cases turn input scanning of secrets off.
 */
const reply = (text: string): string => `[[mock:reply_text=${encodeURIComponent(text)}]]`;
const EMAIL = "jane.doe@acme-mail.com";

describe("output safety through the Worker", () => {
  it("redacts PII in a JSON completion by default, and audits it by fingerprint", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const res = await jsonPost("/v1/chat/completions", agent.token, { model: "gpt-4o-mini", messages: [{ role: "user", content: reply(`Write to ${EMAIL} today.`) }] });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).not.toContain(EMAIL);
    expect((JSON.parse(text) as { choices: { message: { content: string } }[] }).choices[0]?.message.content).toBe("Write to [EMAIL_1] today.");
    const row = await logRow(res.headers.get("x-request-id") ?? "");
    expect(findingsOf(row).find((f) => f.direction === "output")).toMatchObject({ category: "pii", action: "redact", fingerprint: await sha16(EMAIL) });
    // The control API's request record shows the finding by fingerprint, never the value.
    const admin = await makePerson("admin");
    const record = await controlJson<{ safety: { direction: string; category: string; fingerprint: string }[] }>("GET", `/requests/${row.id}`, { token: admin.token });
    expect(record.status).toBe(200);
    expect(record.body.safety).toContainEqual(expect.objectContaining({ direction: "output", category: "pii", fingerprint: await sha16(EMAIL) }));
    expect(JSON.stringify(record.body)).not.toContain(EMAIL);
  });

  it("never forwards a PII value split across SSE chunks in clear (OpenAI stream), whatever the offset", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    // Shifting the value by 0, 1 and 2 characters moves it across every position of the 3-character chunks.
    for (const pad of ["", "a", "ab"]) {
      const res = await jsonPost("/v1/chat/completions", agent.token, { model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: reply(`${pad} mail ${EMAIL} now`) }] });
      const sse = await res.text();
      expect(res.status).toBe(200);
      const deltas = sse.split("\n").filter((line) => line.startsWith("data: {")).map((line) => (JSON.parse(line.slice(6)) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content ?? "").join("");
      expect(deltas).toBe(`${pad} mail [EMAIL_1] now`);
      expect(sse).not.toContain("jane.doe");
      expect(sse).toContain("data: [DONE]");
    }
    await settled(agent.agentId);
  });

  it("blocks a secret in an Anthropic stream with a well-formed error event, and still bills what the provider produced", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    await setAgentPolicy(agent.agentId, { safety: { input: { secrets: "off" }, output: { secrets: "block" } } });
    const key = fakeAwsKey();
    const res = await jsonPost(
      "/v1/messages",
      agent.token,
      { model: "claude-haiku-4-5", max_tokens: 200, stream: true, messages: [{ role: "user", content: reply(`the key is ${key} ok`) }] },
      { "anthropic-version": "2023-06-01" },
    );
    const sse = await res.text();
    expect(res.status).toBe(200);
    expect(sse).not.toContain(key);
    expect(sse).not.toContain(key.slice(0, 8));
    expect(sse).toMatch(/event: error\ndata: \{"type":"error","error":\{[^\n]*"safety_blocked"/);
    expect(sse).not.toContain("message_stop");
    const row = await logRow(res.headers.get("x-request-id") ?? "");
    expect(row.outcome).toBe("safety_blocked");
    expect(row.cost_micros).toBeGreaterThan(0);
    expect(findingsOf(row).find((f) => f.direction === "output")).toMatchObject({ category: "secrets", action: "block", fingerprint: await sha16(key) });
  });
});
