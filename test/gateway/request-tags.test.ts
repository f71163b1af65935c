import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { controlJson, makePerson } from "../helpers/control";
import { createTestAgent, mockRequests, settled } from "../helpers/fixtures";
import { jsonPost } from "../helpers/gateway";

interface Page { data: { id: string; tags: string[]; outcome: string; safety: { category: string }[] }[] }
const chat = { model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] };

/** The agent's request records once `count` of them reached D1 (delivered off the response path). */
async function delivered(agentId: string, count: number): Promise<void> {
  for (let i = 0; i < 250; i++) {
    const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM request_log WHERE agent_id = ?").bind(agentId).first<{ n: number }>();
    if ((row?.n ?? 0) >= count) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`request records of ${agentId} not delivered`);
}

describe("x-iron-tags: audit tags on agent calls", () => {
  it("stores the tags with the request record, filters by tag, and never forwards the header upstream", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const run = `run=${crypto.randomUUID().slice(0, 8)}`;
    const tagged = await jsonPost("/v1/chat/completions", agent.token, chat, { "x-iron-tags": ` ${run}, team:search ,${run}` });
    expect(tagged.status).toBe(200);
    const plain = await jsonPost("/v1/chat/completions", agent.token, chat);
    expect(plain.status).toBe(200);
    await settled(agent.agentId);
    await delivered(agent.agentId, 2);
    const admin = await makePerson("admin");
    const page = await controlJson<Page>("GET", `/requests?agent_id=${agent.agentId}&tag=${encodeURIComponent(run)}`, { token: admin.token });
    expect(page.status).toBe(200);
    expect(page.body.data.map((r) => r.id)).toEqual([tagged.headers.get("x-request-id")]);
    expect(page.body.data[0]?.tags).toEqual([run, "team:search"]);
    const all = await controlJson<Page>("GET", `/requests?agent_id=${agent.agentId}`, { token: admin.token });
    expect(all.body.data.find((r) => r.id === plain.headers.get("x-request-id"))?.tags).toEqual([]);
    const upstream = await mockRequests(agent.openaiKey);
    expect(upstream.every((r) => !r.headers.includes("x-iron-tags"))).toBe(true);
  });

  it("refuses a malformed tag header in the caller's shape, records the refusal with no cost", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    for (const bad of ["has space", "x".repeat(65), Array.from({ length: 17 }, (_, i) => `t${i}`).join(",")]) {
      const res = await jsonPost("/v1/chat/completions", agent.token, chat, { "x-iron-tags": bad });
      const body = await res.json<{ error: { code: string; param: string | null; message: string } }>();
      expect(res.status).toBe(400);
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.param).toBe("x-iron-tags");
    }
    const anthropic = await jsonPost("/v1/messages", agent.token, { model: "claude-haiku-4-5", max_tokens: 10, messages: [{ role: "user", content: "hi" }] }, { "anthropic-version": "2023-06-01", "x-iron-tags": "a b" });
    const error = await anthropic.json<{ type: string; error: { type: string } }>();
    expect(anthropic.status).toBe(400);
    expect(error).toMatchObject({ type: "error", error: { type: "invalid_request_error" } });
    await delivered(agent.agentId, 4);
    const rows = await env.DB.prepare("SELECT outcome, cost_micros, tags FROM request_log WHERE agent_id = ?").bind(agent.agentId).all<{ outcome: string; cost_micros: number; tags: string | null }>();
    expect(rows.results).toEqual(Array.from({ length: 4 }, () => ({ outcome: "refused", cost_micros: 0, tags: null })));
  });

  it("filters requests by safety findings", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const email = "pat.tagger" + "@" + "example-mail.org";
    const pii = await jsonPost("/v1/chat/completions", agent.token, { model: "gpt-4o-mini", messages: [{ role: "user", content: `[[mock:reply_text=${encodeURIComponent(email)}]]` }] });
    expect(pii.status).toBe(200);
    await jsonPost("/v1/chat/completions", agent.token, chat);
    await settled(agent.agentId);
    await delivered(agent.agentId, 2);
    const admin = await makePerson("admin");
    for (const filter of ["any", "pii"]) {
      const page = await controlJson<Page>("GET", `/requests?agent_id=${agent.agentId}&safety=${filter}`, { token: admin.token });
      expect(page.body.data.map((r) => r.id)).toEqual([pii.headers.get("x-request-id")]);
    }
    const none = await controlJson<Page>("GET", `/requests?agent_id=${agent.agentId}&safety=secrets`, { token: admin.token });
    expect(none.body.data).toEqual([]);
  });
});
