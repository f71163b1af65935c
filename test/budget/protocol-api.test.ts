import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../src/control/openapi";
import { controlFetch, makePerson } from "../helpers/control";
import { createTestAgent } from "../helpers/fixtures";
import { gatewayFetch } from "../helpers/gateway";
import { budgetCall, openLease } from "../helpers/leases";

interface ErrorBody {
  error: { code: string; fields?: Record<string, string> };
}

const auditCount = async (): Promise<number> => (await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log").first<{ n: number }>())?.n ?? -1;

describe("the budget protocol as control-API routes", () => {
  it("is in the OpenAPI document: public (it checks agent and lease tokens itself), tagged budget, with its refusal codes", async () => {
    const document = await (await controlFetch("GET", "/openapi.json")).json<OpenApiDocument>();
    const operations = {
      "/budget/handshake": "post", "/budget/refresh": "post", "/budget/report": "post", "/budget/return": "post", "/budget/lease": "get",
    } as const;
    for (const [path, method] of Object.entries(operations)) {
      const op = document.paths[path]?.[method] as { tags: string[]; security: unknown[]; description: string; responses: Record<string, unknown>; "x-iron-role": string } | undefined;
      expect(op, `${method} ${path}`).toBeDefined();
      expect([op?.tags, op?.security, op?.["x-iron-role"]]).toEqual([["budget"], [], "public"]);
      expect(op?.description).toMatch(/lease token|agent token/);
      expect(Object.keys(op?.responses ?? {})).toContain("401");
    }
    expect(JSON.stringify(document.paths["/budget/refresh"])).toContain("LEASE_CLOSED");
  });

  it("refusals keep the remaining-budget headers and the error shape", async () => {
    const agent = await createTestAgent({ budgetUsd: 0.01 });
    await openLease(agent.token, 1);
    const res = await gatewayFetch("/api/v1/budget/handshake", {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ agent_token: agent.token, requested_usd: 1 }),
    });
    expect(res.status).toBe(429);
    expect(res.headers.get("x-iron-budget-remaining-usd")).toBe("0.000000");
    expect(res.headers.get("x-iron-lease-remaining-usd")).toBe("0.000000");
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
    expect((await res.json<ErrorBody>()).error.code).toBe("BUDGET_EXCEEDED");
  });

  it("a lease token in x-iron-lease wins over a control-API login in Authorization; an empty body is fine", async () => {
    const admin = await makePerson("admin");
    const agent = await createTestAgent({ budgetUsd: 1 });
    const lease = await openLease(agent.token, 0.2);
    const headers = { authorization: `Bearer ${admin.token}`, "x-iron-lease": lease.lease_token };
    const view = await gatewayFetch("/api/v1/budget/lease", { headers });
    expect([view.status, (await view.json<{ lease_id: string }>()).lease_id]).toEqual([200, lease.lease_id]);
    const returned = await gatewayFetch("/api/v1/budget/return", { method: "POST", headers });
    expect([returned.status, (await returned.json<{ returned_usd: string }>()).returned_usd]).toEqual([200, "0.200000"]);
    expect((await gatewayFetch("/api/v1/budget/lease", { headers: { authorization: `Bearer ${admin.token}` } })).status).toBe(401);
  });

  it("bodies are strict JSON: unknown fields named, other media types refused, unpriced models told apart", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const unknown = await budgetCall("handshake", agent.token, { requested_usd: 0.1, max_usd: 5 });
    expect([unknown.status, (unknown.body as unknown as ErrorBody).error.fields]).toEqual([400, { max_usd: expect.any(String) as unknown }]);
    const form = await gatewayFetch("/api/v1/budget/handshake", { method: "POST", headers: { authorization: `Bearer ${agent.token}`, "content-type": "text/plain" }, body: "{\"requested_usd\":1}" });
    expect([form.status, (await form.json<ErrorBody>()).error.code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    const lease = await openLease(agent.token, 0.1);
    const unpriced = await budgetCall("report", lease.lease_token, { event_id: "e1", usage: { model: "no-such-model", input_tokens: 1, output_tokens: 1 } });
    expect([unpriced.status, unpriced.body.error?.code]).toEqual([400, "MODEL_NOT_PRICED"]);
  });

  it("writes no audit record for a refusal of a valid agent (lease events go to budget_events); a bad token is a denied record", async () => {
    const agent = await createTestAgent({ budgetUsd: 0.01 });
    await openLease(agent.token, 1);
    const before = await auditCount();
    expect((await budgetCall("handshake", agent.token, { requested_usd: 1 })).status).toBe(429);
    expect(await auditCount()).toBe(before);
    const bad = await gatewayFetch("/api/v1/budget/handshake", { method: "POST", headers: { authorization: "Bearer ic_bogus", "content-type": "application/json" }, body: "{\"requested_usd\":1}" });
    expect(bad.status).toBe(401);
    const rows = await env.DB.prepare("SELECT action, outcome, actor_role FROM audit_log WHERE request_id = ?").bind(bad.headers.get("x-request-id")).all();
    expect(rows.results).toEqual([{ action: "api.open_budget_lease", outcome: "denied", actor_role: "anonymous" }]);
  });
});
