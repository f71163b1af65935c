import { describe, expect, it } from "vitest";
import type { RefusalEvent } from "./mount";
import { calls, testApp } from "./test-fixtures";

type ErrorJson = { error: { code: string; message: string; fields?: Record<string, string> } };

function send(method: string, path: string, body?: unknown, role: string | null = "admin", headers: Record<string, string> = {}): Request {
  const h: Record<string, string> = { ...headers };
  if (role !== null) h["x-test-actor"] = role;
  if (body !== undefined) h["content-type"] ??= "application/json";
  return new Request(`http://control.test/api/v1${path}`, { method, headers: h, body: body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body) });
}

describe("mounted control routes: validation, strict bodies, roles, request ids", () => {
  it("reports every invalid field of path, query and body in one VALIDATION_ERROR and never runs the handler", async () => {
    const { app } = testApp();
    const before = calls.handler;
    const res = await app.request(send("POST", "/agents", { name: "", budget_usd: "lots", limits: { rpm: -1, burst: 9 }, role: "admin", owner_id: "usr_x" }));
    expect(res.status).toBe(400);
    expect(res.headers.get("x-request-id")).toMatch(/^req_[0-9A-Za-z]+$/);
    const json = await res.json<ErrorJson>();
    expect(json.error.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(json.error.fields ?? {}).sort()).toEqual(["budget_usd", "limits.burst", "limits.rpm", "name", "owner_id", "role"]);
    expect(json.error.fields?.role).toBe("Unknown field: not accepted here.");
    expect(json.error.fields?.budget_usd).toBe("A decimal USD amount, e.g. \"12.50\".");

    const both = await app.request(send("PATCH", "/agents/nope", { name: "", budget_usd: "1" }));
    expect(Object.keys((await both.json<ErrorJson>()).error.fields ?? {}).sort()).toEqual(["budget_usd", "name", "path.id"]);
    const query = await app.request(send("GET", "/agents?limit=101&status=gone&sort=name"));
    expect(Object.keys((await query.json<ErrorJson>()).error.fields ?? {}).sort()).toEqual(["query.limit", "query.sort", "query.status"]);
    expect(calls.handler).toBe(before);
  });

  it("refuses a single unknown field (mass assignment), bad JSON, non-JSON and oversize bodies", async () => {
    const { app } = testApp();
    const smuggled = await app.request(send("PATCH", "/agents/agt_1", { name: "ok", owner_id: "usr_other" }));
    expect(smuggled.status).toBe(400);
    expect((await smuggled.json<ErrorJson>()).error.fields).toEqual({ owner_id: "Unknown field: not accepted here." });
    const broken = await app.request(send("PATCH", "/agents/x", "{\"name\":"));
    expect((await broken.json<ErrorJson>()).error.fields).toEqual({ "path.id": "An agent id (agt_…).", body: "The request body is not valid JSON." });
    const form = await app.request(send("POST", "/agents", "name=a", "admin", { "content-type": "application/x-www-form-urlencoded" }));
    expect([form.status, (await form.json<ErrorJson>()).error.code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    const huge = await app.request(send("POST", "/agents", { name: "a".repeat(70_000), budget_usd: "1" }));
    expect([huge.status, (await huge.json<ErrorJson>()).error.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    const empty = await app.request(send("POST", "/agents"));
    expect((await empty.json<ErrorJson>()).error.fields).toEqual({ body: "Invalid input: expected object, received undefined" });
  });

  it("answers valid calls through the response schema: status, defaults, undeclared fields dropped", async () => {
    const { app } = testApp();
    const created = await app.request(send("POST", "/agents", { name: "two", budget_usd: "12.50" }, "user"));
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    expect(await created.json()).toEqual({ id: "agt_2", name: "two", budget_usd: "12.50", tags: [] });
    const list = await app.request(send("GET", "/agents", undefined, "viewer"));
    expect(await list.json()).toMatchObject({ data: [{ id: "agt_1" }], pagination: { next_cursor: null, limit: 50 } });
    const missing = await app.request(send("GET", "/agents/agt_9", undefined, "viewer"));
    expect([missing.status, (await missing.json<ErrorJson>()).error.code]).toEqual([404, "NOT_FOUND"]);
    const conflict = await app.request(send("POST", "/agents", { name: "taken", budget_usd: "1" }));
    expect(conflict.status).toBe(409);
  });

  it("checks the role before reading input, and shows every refusal to onRefusal (for the audit log)", async () => {
    const refusals: RefusalEvent[] = [];
    const { app } = testApp(refusals);
    const anonymous = await app.request(send("POST", "/agents", { junk: true }, null));
    expect([anonymous.status, anonymous.headers.get("www-authenticate")]).toEqual([401, 'Bearer realm="iron"']);
    expect((await anonymous.json<ErrorJson>()).error.fields).toBeUndefined();
    const viewer = await app.request(send("POST", "/agents", { name: "v", budget_usd: "1" }, "viewer"));
    expect([viewer.status, (await viewer.json<ErrorJson>()).error.code]).toEqual([403, "FORBIDDEN"]);
    const agent = await app.request(send("GET", "/agents", undefined, "agent"));
    expect(agent.status).toBe(403);
    const user = await app.request(send("DELETE", "/agents/agt_1", undefined, "user"));
    expect(user.status).toBe(403);
    expect((await app.request(send("GET", "/openapi.json", undefined, null))).status).toBe(200);
    expect(refusals.map((r) => [r.route.operationId, r.refusal.code, r.actor?.role ?? null])).toEqual([
      ["createAgent", "UNAUTHORIZED", null],
      ["createAgent", "FORBIDDEN", "viewer"],
      ["listAgents", "FORBIDDEN", "agent"],
      ["deleteAgent", "FORBIDDEN", "user"],
    ]);
    expect(new Set(refusals.map((r) => r.requestId)).size).toBe(4);
  });

  it("treats a refusal with an undeclared code as a bug (500), so the document cannot lie", async () => {
    const { app } = testApp();
    const deleted = await app.request(send("DELETE", "/agents/agt_1"));
    expect([deleted.status, await deleted.text(), deleted.headers.get("x-request-id")?.startsWith("req_")]).toEqual([204, "", true]);
    expect((await app.request(send("DELETE", "/agents/agt_2"))).status).toBe(500);
  });
});
