import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { budgetChangeStatement } from "../../../src/control/routes/shared/budget-change";
import { decideStatement, isDecisionConflict } from "../../../src/control/routes/budget-requests/decide-statement";
import { auditRowsOf, controlFetch, controlJson, makePerson, type ErrorJson, type Person } from "../../helpers/control";
import { ownedAgent, pendingRequest, type RequestJson } from "./support";

let admin: Person;
let alice: Person;
let bob: Person;
let viewer: Person;
beforeAll(async () => {
  [admin, alice, bob, viewer] = await Promise.all([makePerson("admin"), makePerson("user"), makePerson("user"), makePerson("viewer")]);
});

const post = (path: string, person: Person, body?: unknown) => controlJson<RequestJson & ErrorJson>("POST", path, { token: person.token, body });

describe("rejecting a budget request", () => {
  it("needs notes, records the reviewer and the notes, and writes one audit record", async () => {
    const id = await pendingRequest(await ownedAgent(alice.id), alice.id);
    const missing = await post(`/budget-requests/${id}/reject`, admin, {});
    expect([missing.status, Object.keys(missing.body.error.fields ?? {})]).toEqual([400, ["notes"]]);
    const blank = await post(`/budget-requests/${id}/reject`, admin, { notes: "   " });
    expect(blank.body.error.fields).toHaveProperty("notes");

    const { status, body, response } = await post(`/budget-requests/${id}/reject`, admin, { notes: "Use the shared pool instead." });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id, status: "rejected", reviewer_id: admin.id, review_notes: "Use the shared pool instead.", approved_budget_usd: null });
    expect(body.decided_at).not.toBeNull();
    const audit = await auditRowsOf(response);
    expect(audit.map((row) => [row.action, row.outcome, row.target_id])).toEqual([["budget_request.reject", "ok", id]]);
    expect(JSON.parse(audit[0]?.before ?? "{}")).toMatchObject({ status: "pending" });
    expect(JSON.parse(audit[0]?.after ?? "{}")).toMatchObject({ status: "rejected", review_notes: "Use the shared pool instead." });
    expect((await controlJson<RequestJson>("GET", `/budget-requests/${id}`, { token: alice.token })).body).toEqual(body);
  });

  it("is for admins only", async () => {
    const id = await pendingRequest(await ownedAgent(alice.id), alice.id);
    for (const person of [alice, viewer]) expect((await post(`/budget-requests/${id}/reject`, person, { notes: "no" })).body.error.code).toBe("FORBIDDEN");
  });
});

describe("cancelling a budget request", () => {
  it("lets the requester withdraw it (one audit record), and an admin too", async () => {
    const id = await pendingRequest(await ownedAgent(alice.id), alice.id);
    const { status, body, response } = await post(`/budget-requests/${id}/cancel`, alice);
    expect([status, body.status, body.reviewer_id]).toEqual([200, "cancelled", alice.id]);
    expect((await auditRowsOf(response)).map((row) => [row.action, row.outcome, row.target_id])).toEqual([["budget_request.cancel", "ok", id]]);
    const byAdmin = await pendingRequest(await ownedAgent(alice.id), alice.id);
    expect((await post(`/budget-requests/${byAdmin}/cancel`, admin)).body.status).toBe("cancelled");
  });

  it("hides other users' requests (NOT_FOUND) and refuses the agent's owner who did not make it (FORBIDDEN)", async () => {
    const agentId = await ownedAgent(alice.id);
    const byAdmin = await pendingRequest(agentId, admin.id);
    expect((await post(`/budget-requests/${byAdmin}/cancel`, bob)).body.error.code).toBe("NOT_FOUND");
    expect((await post(`/budget-requests/${byAdmin}/cancel`, alice)).body.error.code).toBe("FORBIDDEN");
    expect((await post(`/budget-requests/${byAdmin}/cancel`, viewer)).body.error.code).toBe("FORBIDDEN");
    expect((await controlJson<RequestJson>("GET", `/budget-requests/${byAdmin}`, { token: admin.token })).body.status).toBe("pending");
  });
});

describe("state transitions", () => {
  it("decides a request once: every later approve, reject or cancel is a CONFLICT naming its status", async () => {
    for (const [decide, status] of [["reject", "rejected"], ["cancel", "cancelled"], ["approve", "approved"]] as const) {
      const id = await pendingRequest(await ownedAgent(alice.id), alice.id);
      expect((await post(`/budget-requests/${id}/${decide}`, admin, decide === "reject" ? { notes: "n" } : decide === "approve" ? {} : undefined)).status).toBe(200);
      for (const [again, body] of [["approve", {}], ["reject", { notes: "again" }], ["cancel", undefined]] as const) {
        const refused = await post(`/budget-requests/${id}/${again}`, admin, body);
        expect([refused.status, refused.body.error.code, refused.body.error.details], `${again} after ${decide}`).toEqual([409, "CONFLICT", { status }]);
        expect((await auditRowsOf(refused.response)).map((row) => row.outcome)).toEqual(["failed"]);
      }
    }
  });

  it("racing reject and cancel: exactly one wins", async () => {
    const id = await pendingRequest(await ownedAgent(alice.id), alice.id);
    const [rejected, cancelled] = await Promise.all([post(`/budget-requests/${id}/reject`, admin, { notes: "late" }), post(`/budget-requests/${id}/cancel`, alice)]);
    expect([rejected.status, cancelled.status].sort()).toEqual([200, 409]);
    const final = await env.DB.prepare("SELECT status FROM budget_requests WHERE id = ?").bind(id).first<{ status: string }>();
    expect(final?.status).toBe(rejected.status === 200 ? "rejected" : "cancelled");
  });

  it("refuses unknown ids as NOT_FOUND and malformed ids as a validation error", async () => {
    expect((await post("/budget-requests/brq_unknown/approve", admin, {})).body.error.code).toBe("NOT_FOUND");
    expect((await controlJson<ErrorJson>("GET", "/budget-requests/agt_1", { token: admin.token })).body.error.fields).toHaveProperty("path.id");
    expect((await controlFetch("POST", "/budget-requests/brq_unknown/cancel", { token: alice.token })).status).toBe(404);
  });
});

describe("the decision guard", () => {
  it("fails a whole batch that decides a request no longer pending (nothing else in it commits)", async () => {
    const agentId = await ownedAgent(alice.id);
    const id = `brq_guard${crypto.randomUUID().slice(0, 8)}`;
    await env.DB.prepare("INSERT INTO budget_requests (id, agent_id, requester_id, current_micros, requested_micros, justification, status, created_at) VALUES (?, ?, ?, 0, 1, 'fixture justification', 'rejected', ?)")
      .bind(id, agentId, alice.id, new Date().toISOString())
      .run();
    const change = budgetChangeStatement(env.DB, { targetType: "agent", targetId: agentId, oldMicros: 0, newMicros: 1, source: "budget_request", budgetRequestId: id, actorId: admin.id });
    const decide = decideStatement(env.DB, { id, status: "approved", reviewerId: admin.id, notes: null, approvedMicros: 1, at: new Date().toISOString(), claimId: "req_x" });
    const error = await env.DB.batch([change, decide]).then(() => null, (caught: unknown) => caught);
    expect(isDecisionConflict(error)).toBe(true);
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM budget_changes WHERE request_id = ?").bind(id).first("n")).toBe(0);
    expect(await env.DB.prepare("SELECT status FROM budget_requests WHERE id = ?").bind(id).first("status")).toBe("rejected");
  });
});
