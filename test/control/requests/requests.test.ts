import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { requestLogInsert, type RequestRecord } from "../../../src/audit/request-record";
import { budgetStub } from "../../../src/services/agents/budget-stub";
import { controlFetch, controlJson, makePerson, type ErrorJson, type Person } from "../../helpers/control";
import { createTestAgent, mockBill, settled, type TestAgent } from "../../helpers/fixtures";
import { jsonPost } from "../../helpers/gateway";
import { nth } from "../audit/helpers";

interface RequestJson extends Record<string, unknown> {
  id: string;
  agent_id: string | null;
  cost_usd: string;
  created_at: string;
}
interface RequestPage {
  data: RequestJson[];
  pagination: { next_cursor: string | null; limit: number };
}

const FIELDS = [
  "id", "agent_id", "lease_id", "provider_id", "model", "api_shape", "endpoint", "stream", "status", "outcome", "error_code",
  "input_tokens", "cached_input_tokens", "cache_write_tokens", "output_tokens", "reasoning_tokens", "reserved_usd", "cost_usd",
  "usage_source", "max_tokens", "latency_ms", "ttfb_ms", "price_version", "safety", "tags", "created_at",
];

let admin: Person;
let viewer: Person;
let owner: Person;
let stranger: Person;
let agent: TestAgent;
let callId: string;

const list = (query: string, person: Person = admin) => controlJson<RequestPage>("GET", `/requests${query}`, { token: person.token });
const ids = (page: RequestPage): string[] => page.data.map((item) => item.id);

/** A request record as the gateway would deliver it, for an agent id of the test's choosing. */
async function insertRequest(fields: Partial<RequestRecord> & { agent_id: string }): Promise<string> {
  const id = `req_${crypto.randomUUID().replaceAll("-", "")}`;
  await requestLogInsert(env.DB, {
    id, lease_id: null, provider_id: "prov_x", model: "gpt-4o-mini", api_shape: "openai", endpoint: "chat", stream: 0, status: 200,
    outcome: "ok", error_code: null, input_tokens: 10, cached_input_tokens: 0, cache_write_tokens: 0, output_tokens: 5, reasoning_tokens: 0,
    reserved_micros: 100, cost_micros: 7, usage_source: "provider", max_tokens: 16, latency_ms: 12, ttfb_ms: null, price_version: "v1",
    created_at: new Date().toISOString(), ...fields,
  }).run();
  return id;
}

beforeAll(async () => {
  [admin, viewer, owner, stranger] = await Promise.all([makePerson("admin"), makePerson("viewer"), makePerson("user"), makePerson("user")]);
  agent = await createTestAgent({ budgetUsd: 1 });
  await env.DB.prepare("UPDATE agents SET owner_id = ? WHERE id = ?").bind(owner.id, agent.agentId).run();
  const res = await jsonPost("/v1/chat/completions", agent.token, { model: "gpt-4o-mini", messages: [{ role: "user", content: "hello" }] });
  expect(res.status).toBe(200);
  callId = res.headers.get("x-request-id") ?? "";
  await res.text();
  await settled(agent.agentId);
  await budgetStub(env, agent.agentId).flush(); // deliver the outbox's request_log row now rather than on the alarm
});

describe("GET /requests: the per-request records of agent calls", () => {
  it("shows a real gateway call with what the provider billed, field by field, and nothing secret", async () => {
    const { status, body } = await list(`?agent_id=${agent.agentId}`);
    expect(status).toBe(200);
    expect(body.data).toHaveLength(1);
    const item = nth(body.data, 0);
    expect(Object.keys(item).sort()).toEqual([...FIELDS].sort());
    const bill = await mockBill(agent.openaiKey);
    expect(item).toMatchObject({ id: callId, agent_id: agent.agentId, model: "gpt-4o-mini", api_shape: "openai", endpoint: "chat", stream: false, status: 200, outcome: "ok", usage_source: "provider" });
    expect(Math.round(Number(item.cost_usd) * 1e6)).toBe(bill.cost_micros);
    expect(item.cost_usd).toMatch(/^\d+\.\d{6}$/);
    expect(item.provider_id).toBe(agent.providerIds[0]);
    const text = JSON.stringify(body);
    for (const secret of [agent.token, agent.openaiKey, "hello"]) expect(text).not.toContain(secret);
    const one = await controlJson<RequestJson>("GET", `/requests/${callId}`, { token: admin.token });
    expect([one.status, one.body]).toEqual([200, item]);
  });

  it("a user sees only requests of agents they own; viewers and admins see all", async () => {
    expect(ids((await list(`?agent_id=${agent.agentId}`, owner)).body)).toEqual([callId]);
    expect(ids((await list(`?agent_id=${agent.agentId}`, viewer)).body)).toEqual([callId]);
    expect(ids((await list("?limit=100", stranger)).body)).toEqual([]);
    expect((await controlFetch("GET", `/requests/${callId}`, { token: owner.token })).status).toBe(200);
    expect((await controlFetch("GET", `/requests/${callId}`, { token: viewer.token })).status).toBe(200);
    const hidden = await controlJson<ErrorJson>("GET", `/requests/${callId}`, { token: stranger.token });
    expect([hidden.status, hidden.body.error.code]).toEqual([404, "NOT_FOUND"]);
    const unowned = await insertRequest({ agent_id: "agt_nobody" });
    expect(ids((await list("?limit=100", owner)).body)).not.toContain(unowned);
    expect((await controlFetch("GET", `/requests/${unowned}`, { token: owner.token })).status).toBe(404);
    expect((await controlFetch("GET", "/requests")).status).toBe(401);
    const badId = await controlJson<ErrorJson>("GET", "/requests/agt_123", { token: admin.token });
    expect([badId.status, Object.keys(badId.body.error.fields ?? {})]).toEqual([400, ["path.id"]]);
  });

  it("filters by agent, lease, model, provider, outcome, status, stream, API shape and time", async () => {
    const agentId = `agt_${crypto.randomUUID().replaceAll("-", "")}`;
    const a = await insertRequest({ agent_id: agentId, created_at: "2021-03-01T00:00:00.000Z" });
    const b = await insertRequest({ agent_id: agentId, model: "claude-sonnet-4", api_shape: "anthropic", provider_id: "prov_an", stream: 1, created_at: "2021-03-02T00:00:00.000Z" });
    const c = await insertRequest({ agent_id: agentId, outcome: "refused", status: 429, error_code: "budget_exceeded", cost_micros: 0, lease_id: "lse_1", created_at: "2021-03-03T00:00:00.000Z" });
    const by = async (query: string): Promise<string[]> => ids((await list(`?agent_id=${agentId}&${query}`)).body).sort();
    expect(await by("limit=10")).toEqual([a, b, c].sort());
    expect(await by("model=claude-sonnet-4")).toEqual([b]);
    expect(await by("provider_id=prov_an")).toEqual([b]);
    expect(await by("api_shape=anthropic")).toEqual([b]);
    expect(await by("stream=true")).toEqual([b]);
    expect(await by("stream=false")).toEqual([a, c].sort());
    expect(await by("outcome=refused")).toEqual([c]);
    expect(await by("status=429")).toEqual([c]);
    expect(await by("lease_id=lse_1")).toEqual([c]);
    expect(await by("from=2021-03-02T00:00:00Z&to=2021-03-03T00:00:00Z")).toEqual([b]);
    const bad = await controlJson<ErrorJson>("GET", "/requests?stream=yes&outcome=great&prompt=1", { token: admin.token });
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(["query.outcome", "query.prompt", "query.stream"]);
  });

  it("pages newest first with a cursor, each record once, ties on time broken by id", async () => {
    const agentId = `agt_${crypto.randomUUID().replaceAll("-", "")}`;
    const same = "2022-05-05T05:05:05.000Z";
    const made = [
      await insertRequest({ agent_id: agentId, created_at: "2022-05-05T05:05:04.000Z" }),
      await insertRequest({ agent_id: agentId, created_at: same }),
      await insertRequest({ agent_id: agentId, created_at: same }),
      await insertRequest({ agent_id: agentId, created_at: same }),
      await insertRequest({ agent_id: agentId, created_at: "2022-05-05T05:05:06.000Z" }),
    ];
    const seen: RequestJson[] = [];
    let cursor: string | null = null;
    do {
      const page: RequestPage = (await list(`?agent_id=${agentId}&limit=2${cursor === null ? "" : `&cursor=${cursor}`}`)).body;
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data);
      cursor = page.pagination.next_cursor;
    } while (cursor !== null);
    expect(seen.map((item) => item.id).sort()).toEqual([...made].sort());
    const order = seen.map((item) => `${item.created_at} ${item.id}`);
    expect(order).toEqual([...order].sort().reverse());
    expect((await list("?limit=101")).status).toBe(400);
  });

  it("follow mode: after=<id> answers what reached the log later, in arrival order, even with an earlier time", async () => {
    const agentId = `agt_${crypto.randomUUID().replaceAll("-", "")}`;
    const anchor = await insertRequest({ agent_id: agentId });
    const next = await insertRequest({ agent_id: agentId });
    // Delivered late by the budget object: settled before `next` was, but it reached D1 after it.
    const late = await insertRequest({ agent_id: agentId, created_at: "2020-01-01T00:00:00.000Z" });
    await insertRequest({ agent_id: "agt_someone_else" });
    const first = await list(`?agent_id=${agentId}&after=${anchor}&limit=1`);
    expect([ids(first.body), first.body.pagination.next_cursor]).toEqual([[next], null]);
    expect(ids((await list(`?agent_id=${agentId}&after=${next}`)).body)).toEqual([late]);
    expect(ids((await list(`?agent_id=${agentId}&after=${late}`)).body)).toEqual([]);
    const unknown = await controlJson<ErrorJson>("GET", "/requests?after=req_doesnotexist", { token: admin.token });
    expect([unknown.status, Object.keys(unknown.body.error.fields ?? {})]).toEqual([400, ["query.after"]]);
    // A user cannot anchor on (and so probe for) a request of someone else's agent.
    expect((await list(`?after=${anchor}`, owner)).status).toBe(400);
    expect(ids((await list(`?after=${callId}`, owner)).body)).toEqual([]);
  });
});
