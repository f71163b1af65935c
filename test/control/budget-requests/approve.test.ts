import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { auditRowsOf, controlJson, makePerson, type ErrorJson, type Person } from "../../helpers/control";
import { budgetOf, settled } from "../../helpers/fixtures";
import { jsonPost } from "../../helpers/gateway";
import { ownedAgent, ownedGatewayAgent, pendingRequest, type ChangeJson, type ListJson, type RequestJson } from "./support";
import { updateAgentState } from "../../../src/services/agents/update-agent-state";

interface ApprovalJson extends RequestJson {
  applied: { old_budget_usd: string; new_budget_usd: string; spent_usd: string; remaining_usd: string };
}

let admin: Person;
let admin2: Person;
let alice: Person;
beforeAll(async () => {
  [admin, admin2, alice] = await Promise.all([makePerson("admin"), makePerson("admin"), makePerson("user")]);
});

const approve = (id: string, person: Person, body: unknown = {}) => controlJson<ApprovalJson & ErrorJson>("POST", `/budget-requests/${id}/approve`, { token: person.token, body });
const chat = (token: string) => jsonPost("/v1/chat/completions", token, { model: "gpt-4o-mini", messages: [{ role: "user", content: "hello" }], max_tokens: 16 });
const historyOf = async (agentId: string) =>
  (await controlJson<ListJson<ChangeJson>>("GET", `/budget-history?target_type=agent&target_id=${agentId}&source=budget_request`, { token: admin.token })).body.data;

describe("approving a budget request", () => {
  it("applies a different amount than asked: the gateway serves where it refused, history and audit name the request", async () => {
    const agent = await ownedGatewayAgent(alice.id, 0.000001);
    const before = await chat(agent.token);
    expect(before.status).toBe(429);
    await before.text();
    const asked = await controlJson<RequestJson>("POST", "/budget-requests", { token: alice.token, body: { agent_id: agent.agentId, requested_budget_usd: 5, justification: "Needs room for the demo run." } });
    expect(asked.status).toBe(201);

    const { status, body, response } = await approve(asked.body.id, admin, { amount_usd: "2.5", notes: "Half now, more next month." });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "approved", requested_budget_usd: "5.000000", approved_budget_usd: "2.500000", reviewer_id: admin.id, review_notes: "Half now, more next month." });
    expect(body.applied).toEqual({ old_budget_usd: "0.000001", new_budget_usd: "2.500000", spent_usd: "0.000000", remaining_usd: "2.500000" });

    const after = await chat(agent.token);
    expect(after.status).toBe(200);
    await after.text();
    expect((await settled(agent.agentId)).budgetMicros).toBe(2_500_000);
    const row = await env.DB.prepare("SELECT budget_micros FROM agents WHERE id = ?").bind(agent.agentId).first<{ budget_micros: number }>();
    expect(row?.budget_micros).toBe(2_500_000);

    expect(await historyOf(agent.agentId)).toEqual([
      expect.objectContaining({ target_type: "agent", target_id: agent.agentId, old_budget_usd: "0.000001", new_budget_usd: "2.500000", delta_usd: "2.499999", source: "budget_request", budget_request_id: asked.body.id, actor_id: admin.id, reason: "Half now, more next month." }),
    ]);
    const audit = await auditRowsOf(response);
    expect(audit.map((r) => [r.action, r.outcome, r.actor_id, r.target_id])).toEqual([["budget_request.approve", "ok", admin.id, agent.agentId]]);
    expect(JSON.parse(audit[0]?.before ?? "{}")).toEqual({ budget_micros: 1 });
    expect(JSON.parse(audit[0]?.after ?? "{}")).toMatchObject({ budget_micros: 2_500_000, budget_request_id: asked.body.id, status: "approved" });
  });

  it("grants the amount requested when no amount is given, and takes the current budget as the old one", async () => {
    const agentId = await ownedAgent(alice.id, 1_000_000);
    const id = await pendingRequest(agentId, alice.id, 7_000_000);
    // The budget changed since the request was made (object and D1 together, as every real change does).
    await updateAgentState(env, agentId, { budgetMicros: 2_000_000 });
    const { body } = await approve(id, admin);
    expect([body.approved_budget_usd, body.review_notes, body.applied.old_budget_usd]).toEqual(["7.000000", null, "2.000000"]);
    expect((await budgetOf(agentId)).budgetMicros).toBe(7_000_000);
  });

  it("allows approving a budget below what is spent: the agent is left exhausted, never negative", async () => {
    const agent = await ownedGatewayAgent(alice.id, 1);
    const spend = await chat(agent.token);
    expect(spend.status).toBe(200);
    await spend.text();
    const spent = (await settled(agent.agentId)).spentMicros;
    expect(spent).toBeGreaterThan(1);
    const id = await pendingRequest(agent.agentId, alice.id, 1);
    const { status, body } = await approve(id, admin);
    expect(status).toBe(200);
    expect(body.applied).toMatchObject({ new_budget_usd: "0.000001", remaining_usd: "0.000000" });
    const refused = await chat(agent.token);
    expect(refused.status).toBe(429);
    await refused.text();
  });

  it("two admins approving at once: exactly one applies, the other gets CONFLICT (3 rounds)", async () => {
    for (let round = 0; round < 3; round++) {
      const agentId = await ownedAgent(alice.id, 1_000_000);
      const id = await pendingRequest(agentId, alice.id);
      const [a, b] = await Promise.all([approve(id, admin, { amount_usd: 3 }), approve(id, admin2, { amount_usd: 4 })]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
      expect(loser.body.error.code).toBe("CONFLICT");
      const granted = winner === a ? 3_000_000 : 4_000_000;
      // The budget object and D1 agree on the winner's amount: the loser never touched the budget object.
      expect((await budgetOf(agentId)).budgetMicros).toBe(granted);
      const row = await env.DB.prepare("SELECT budget_micros FROM agents WHERE id = ?").bind(agentId).first<{ budget_micros: number }>();
      expect(row?.budget_micros).toBe(granted);
      expect((await historyOf(agentId)).map((h) => [h.source, h.new_budget_usd, h.actor_id])).toEqual([["budget_request", winner.body.approved_budget_usd, winner.body.reviewer_id]]);
      expect((await auditRowsOf(winner.response)).map((r) => [r.action, r.outcome])).toEqual([["budget_request.approve", "ok"]]);
      expect((await auditRowsOf(loser.response)).map((r) => [r.action, r.outcome])).toEqual([["budget_request.approve", "failed"]]);
    }
  });

  it("refuses a request held by an approval in progress, and takes over one whose claim expired", async () => {
    const agentId = await ownedAgent(alice.id);
    const id = await pendingRequest(agentId, alice.id);
    const hold = (until: number) => env.DB.prepare("UPDATE budget_requests SET claim_id = 'req_other', claim_expires_at = ? WHERE id = ?").bind(new Date(until).toISOString(), id).run();
    await hold(Date.now() + 60_000);
    expect((await approve(id, admin)).body.error.code).toBe("CONFLICT");
    expect((await controlJson<ErrorJson>("POST", `/budget-requests/${id}/reject`, { token: admin.token, body: { notes: "x" } })).status).toBe(409);
    await hold(Date.now() - 1);
    expect((await approve(id, admin)).status).toBe(200);
    const row = await env.DB.prepare("SELECT status, claim_id FROM budget_requests WHERE id = ?").bind(id).first<{ status: string; claim_id: string | null }>();
    expect(row).toEqual({ status: "approved", claim_id: null });
  });

  it("refuses approval when the agent was deleted, leaving the request pending and free to reject", async () => {
    const agentId = await ownedAgent(alice.id);
    const id = await pendingRequest(agentId, alice.id);
    await env.DB.prepare("UPDATE agents SET status = 'deleted' WHERE id = ?").bind(agentId).run();
    const refused = await approve(id, admin);
    expect([refused.status, refused.body.error.code]).toEqual([409, "CONFLICT"]);
    expect(await historyOf(agentId)).toEqual([]);
    expect((await controlJson<RequestJson>("POST", `/budget-requests/${id}/reject`, { token: admin.token, body: { notes: "Agent is gone." } })).body.status).toBe("rejected");
  });

  it("is for admins only, and validates the amount", async () => {
    const id = await pendingRequest(await ownedAgent(alice.id), alice.id);
    expect((await approve(id, alice)).body.error.code).toBe("FORBIDDEN");
    const bad = await approve(id, admin, { amount_usd: "-3", notes: "", extra: true });
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(["amount_usd", "extra", "notes"]);
  });
});
