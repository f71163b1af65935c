import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { auditRowsOf, controlFetch, controlJson, makePerson, type ErrorJson, type Person } from "../../helpers/control";
import { ownedAgent, pendingRequest, type ListJson, type RequestJson } from "./support";

let admin: Person;
let alice: Person;
let bob: Person;
let viewer: Person;
beforeAll(async () => {
  [admin, alice, bob, viewer] = await Promise.all([makePerson("admin"), makePerson("user"), makePerson("user"), makePerson("viewer")]);
});

const JUSTIFICATION = "The nightly batch grew to 40k documents.";
const ask = (person: Person, agentId: string, usd: number | string = 5) =>
  controlJson<RequestJson & ErrorJson>("POST", "/budget-requests", { token: person.token, body: { agent_id: agentId, requested_budget_usd: usd, justification: JUSTIFICATION } });

describe("creating a budget request", () => {
  it("lets a user ask for a new total budget for their own agent, audited once", async () => {
    const agentId = await ownedAgent(alice.id, 1_000_000);
    const { status, body, response } = await ask(alice, agentId, "12.5");
    expect(status).toBe(201);
    expect(body).toMatchObject({
      agent_id: agentId, requester_id: alice.id, status: "pending", current_budget_usd: "1.000000", requested_budget_usd: "12.500000",
      approved_budget_usd: null, justification: JUSTIFICATION, reviewer_id: null, review_notes: null, decided_at: null,
    });
    expect(body.id).toMatch(/^brq_/);
    expect((await auditRowsOf(response)).map((row) => [row.action, row.outcome, row.actor_id, row.target_id])).toEqual([["budget_request.create", "ok", alice.id, body.id]]);
    const got = await controlJson<RequestJson>("GET", `/budget-requests/${body.id}`, { token: alice.token });
    expect(got.body).toEqual(body);
  });

  it("refuses another user's agent, an unknown or deleted agent as NOT_FOUND, and viewers with FORBIDDEN", async () => {
    const bobs = await ownedAgent(bob.id);
    expect((await ask(alice, bobs)).body.error.code).toBe("NOT_FOUND");
    expect((await ask(alice, "agt_doesnotexist")).body.error.code).toBe("NOT_FOUND");
    const deleted = await ownedAgent(alice.id);
    await env.DB.prepare("UPDATE agents SET status = 'deleted' WHERE id = ?").bind(deleted).run();
    expect((await ask(alice, deleted)).body.error.code).toBe("NOT_FOUND");
    const refused = await ask(viewer, bobs);
    expect([refused.status, refused.body.error.code]).toEqual([403, "FORBIDDEN"]);
    // Admins may ask for any agent.
    expect((await ask(admin, bobs)).status).toBe(201);
  });

  it("allows one pending request per agent, even when two are sent at once", async () => {
    const agentId = await ownedAgent(alice.id);
    const [a, b] = await Promise.all([ask(alice, agentId, 2), ask(alice, agentId, 3)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const again = await ask(alice, agentId, 4);
    expect([again.status, again.body.error.code]).toEqual([409, "CONFLICT"]);
    const winner = a.status === 201 ? a.body : b.body;
    expect(again.body.error.details).toEqual({ pending_request_id: winner.id });
    expect((await controlFetch("POST", `/budget-requests/${winner.id}/cancel`, { token: alice.token })).status).toBe(200);
    expect((await ask(alice, agentId, 4)).status).toBe(201);
  });

  it("lists every bad field at once, refuses unknown fields, and refuses asking for the current budget", async () => {
    const { status, body } = await controlJson<ErrorJson>("POST", "/budget-requests", {
      token: alice.token,
      body: { agent_id: "bot-7", requested_budget_usd: -1, justification: "   more   ", status: "approved" },
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(body.error.fields ?? {}).sort()).toEqual(["agent_id", "justification", "requested_budget_usd", "status"]);
    const long = await controlJson<ErrorJson>("POST", "/budget-requests", { token: alice.token, body: { agent_id: "agt_x", requested_budget_usd: "1.0000001", justification: "x".repeat(2001) } });
    expect(Object.keys(long.body.error.fields ?? {}).sort()).toEqual(["justification", "requested_budget_usd"]);
    const agentId = await ownedAgent(alice.id, 3_000_000);
    const same = await ask(alice, agentId, 3);
    expect([same.status, same.body.error.fields]).toEqual([400, { requested_budget_usd: "This is already the agent's budget." }]);
  });
});

describe("reading budget requests", () => {
  it("shows users the requests on their own agents only; admins and viewers see all; filters and pages newest first", async () => {
    const alices = await ownedAgent(alice.id);
    const bobs = await ownedAgent(bob.id);
    const first = await pendingRequest(alices, alice.id);
    await controlFetch("POST", `/budget-requests/${first}/reject`, { token: admin.token, body: { notes: "Not this quarter." } });
    const second = (await ask(alice, alices)).body.id;
    const bobsRequest = (await ask(bob, bobs)).body.id;

    const mine = await controlJson<ListJson<RequestJson>>("GET", `/budget-requests?agent_id=${alices}`, { token: alice.token });
    expect(mine.body.data.map((r) => r.id)).toEqual([second, first]);
    const all = await controlJson<ListJson<RequestJson>>("GET", "/budget-requests?limit=100", { token: alice.token });
    expect(all.body.data.every((r) => r.agent_id !== bobs)).toBe(true);
    expect((await controlJson<ErrorJson>("GET", `/budget-requests/${bobsRequest}`, { token: alice.token })).status).toBe(404);
    expect((await controlFetch("GET", `/budget-requests/${bobsRequest}`, { token: viewer.token })).status).toBe(200);

    const pending = await controlJson<ListJson<RequestJson>>("GET", `/budget-requests?status=rejected&agent_id=${alices}`, { token: viewer.token });
    expect(pending.body.data.map((r) => [r.id, r.status, r.review_notes])).toEqual([[first, "rejected", "Not this quarter."]]);

    const page1 = await controlJson<ListJson<RequestJson>>("GET", `/budget-requests?agent_id=${alices}&limit=1`, { token: admin.token });
    expect(page1.body.data.map((r) => r.id)).toEqual([second]);
    const cursor = page1.body.pagination.next_cursor ?? "";
    const page2 = await controlJson<ListJson<RequestJson>>("GET", `/budget-requests?agent_id=${alices}&limit=1&cursor=${cursor}`, { token: admin.token });
    expect([page2.body.data.map((r) => r.id), page2.body.pagination.next_cursor]).toEqual([[first], null]);

    const bad = await controlJson<ErrorJson>("GET", "/budget-requests?status=done&limit=0&cursor=zz", { token: admin.token });
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(["query.limit", "query.status"]);
  });
});
