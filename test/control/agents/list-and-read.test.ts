import { beforeAll, describe, expect, it } from "vitest";
import { controlJson, makePerson, type ErrorJson, type Person } from "../../helpers/control";
import { jsonPost } from "../../helpers/gateway";
import { settled } from "../../helpers/fixtures";
import { microsToUsd } from "../../../src/pricing/cost";
import { httpAgent, mockProviders, plain, type AgentBody } from "./agent-helpers";

interface Page {
  data: AgentBody[];
  pagination: { next_cursor: string | null; limit: number };
}

let admin: Person;
let alice: Person;
let bob: Person;
let viewer: Person;
let tag: string;
let aliceAgents: AgentBody[];
let bobAgent: AgentBody;

beforeAll(async () => {
  [admin, alice, bob, viewer] = await Promise.all([makePerson("admin"), makePerson("user"), makePerson("user"), makePerson("viewer")]);
  tag = crypto.randomUUID().slice(0, 8);
  aliceAgents = [];
  for (let i = 0; i < 3; i++) aliceAgents.push(await httpAgent(admin, { name: `list-${tag}-alice-${i}`, owner_id: alice.id }));
  bobAgent = await httpAgent(admin, { name: `list-${tag}-bob`, owner_id: bob.id });
});

const ids = (page: Page): string[] => page.data.map((agent) => agent.id);

describe("GET /agents", () => {
  it("shows a user only their own agents; admins and viewers see all", async () => {
    const forAlice = await controlJson<Page>("GET", `/agents?q=list-${tag}`, { token: alice.token });
    expect(ids(forAlice.body).sort()).toEqual(aliceAgents.map((a) => a.id).sort());
    const filtered = await controlJson<Page>("GET", `/agents?q=list-${tag}&owner_id=${bob.id}`, { token: alice.token });
    expect(filtered.body.data).toEqual([]);
    for (const who of [admin, viewer]) {
      const all = await controlJson<Page>("GET", `/agents?q=LIST-${tag}`, { token: who.token });
      expect(ids(all.body).sort()).toEqual([...aliceAgents.map((a) => a.id), bobAgent.id].sort());
      expect(JSON.stringify(all.body)).not.toMatch(/"token"/);
    }
    const byOwner = await controlJson<Page>("GET", `/agents?q=list-${tag}&owner_id=${bob.id}`, { token: viewer.token });
    expect(ids(byOwner.body)).toEqual([bobAgent.id]);
  });

  it("pages newest first with a cursor, and leaves deleted agents out unless asked", async () => {
    const first = await controlJson<Page>("GET", `/agents?q=list-${tag}-alice&limit=2`, { token: admin.token });
    expect(first.body.data.length).toBe(2);
    expect(first.body.pagination.next_cursor).not.toBeNull();
    const second = await controlJson<Page>("GET", `/agents?q=list-${tag}-alice&limit=2&cursor=${first.body.pagination.next_cursor ?? ""}`, { token: admin.token });
    expect(second.body.pagination.next_cursor).toBeNull();
    expect([...ids(first.body), ...ids(second.body)]).toEqual(aliceAgents.map((a) => a.id).reverse());
    const bad = await controlJson<ErrorJson>("GET", "/agents?cursor=nonsense", { token: admin.token });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {})).toEqual(["query.cursor"]);

    const doomed = await httpAgent(admin, { name: `list-${tag}-doomed`, owner_id: alice.id });
    expect((await controlJson("DELETE", `/agents/${doomed.id}`, { token: alice.token })).status).toBe(204);
    const listed = await controlJson<Page>("GET", `/agents?q=list-${tag}-doomed`, { token: admin.token });
    expect(listed.body.data).toEqual([]);
    const deleted = await controlJson<Page>("GET", `/agents?q=list-${tag}-doomed&status=deleted`, { token: admin.token });
    expect(ids(deleted.body)).toEqual([doomed.id]);
  });
});

describe("GET /agents/:id", () => {
  it("shows spent, remaining, percent used and risk after real gateway spend", async () => {
    const providers = await mockProviders();
    // $0.0006: two replies of 400 gpt-4o-mini tokens (~$0.00024 each) use about 80 % of it.
    const agent = await httpAgent(admin, { owner_id: alice.id, budget_usd: "0.0006", provider_ids: providers });
    for (let i = 0; i < 2; i++) {
      const call = await jsonPost("/v1/chat/completions", agent.token, { ...plain, messages: [{ role: "user", content: "hi [[mock:reply_tokens=400]]" }] });
      expect(call.status).toBe(200);
      await call.text();
    }
    const ledger = await settled(agent.id);
    expect(ledger.spentMicros).toBeGreaterThan(0);
    const read = await controlJson<AgentBody>("GET", `/agents/${agent.id}`, { token: alice.token });
    expect(read.status).toBe(200);
    const percent = Math.floor((ledger.spentMicros / 600) * 10_000) / 100;
    expect(read.body).toMatchObject({
      budget_usd: "0.000600",
      spent_usd: microsToUsd(ledger.spentMicros),
      reserved_usd: "0.000000",
      remaining_usd: microsToUsd(600 - ledger.spentMicros),
      percent_used: percent,
      open_leases: 0,
    });
    const expected = percent < 50 ? "low" : percent < 80 ? "medium" : percent < 95 ? "high" : percent < 100 ? "critical" : "exhausted";
    expect(read.body.risk_level).toBe(expected);
    expect(["high", "critical"]).toContain(read.body.risk_level);
  });

  it("answers NOT_FOUND to a user asking for another user's agent, and to unknown ids", async () => {
    expect((await controlJson<ErrorJson>("GET", `/agents/${bobAgent.id}`, { token: alice.token })).body.error.code).toBe("NOT_FOUND");
    expect((await controlJson<ErrorJson>("GET", "/agents/agt_doesnotexist", { token: admin.token })).status).toBe(404);
    expect((await controlJson("GET", `/agents/${bobAgent.id}`, { token: viewer.token })).status).toBe(200);
  });
});
