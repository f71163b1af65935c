import { describe, expect, it } from "vitest";
import { z } from "zod";
import { routeCoverage } from "./coverage";
import { openApiDocument, type OpenApiDocument } from "./document";
import { listRoutes, RouteRegistry } from "./registry";
import { defineRoute } from "./route";
import { testApp } from "./test-fixtures";

type Json = Record<string, unknown>;
const at = (value: unknown, ...path: string[]): unknown => path.reduce<unknown>((node, key) => (node as Json | undefined)?.[key], value);

function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) refs(item, out);
  else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") out.push(value);
      else refs(value, out);
    }
  }
  return out;
}

describe("OpenAPI 3.1 document from the route registry", () => {
  it("documents every mounted route and mounts every documented one (Hono's app.routes vs paths)", () => {
    const { app, registry } = testApp();
    const doc = openApiDocument(registry);
    expect(routeCoverage(app, doc, "/api/v1")).toEqual({ missingFromDocument: [], missingFromApp: [] });
    expect(Object.keys(doc.paths).sort()).toEqual(["/agents", "/agents/{id}", "/openapi.json"]);
    expect(listRoutes(registry).map((r) => `${r.method} ${r.openApiPath}`)).toContain("DELETE /agents/{id}");

    app.get("/api/v1/agents/:id/secret", (c) => c.text("hidden"));
    const trimmed: OpenApiDocument = { ...doc, paths: { ...doc.paths, "/projects": { get: {} } } };
    expect(routeCoverage(app, trimmed, "/api/v1")).toEqual({ missingFromDocument: ["GET /agents/{id}/secret"], missingFromApp: ["GET /projects"] });
  });

  it("renders zod schemas as JSON Schema 2020-12: params, query with its page cap, strict bodies, shared components", () => {
    const doc = openApiDocument(testApp().registry);
    expect(doc.openapi).toBe("3.1.0");
    const text = JSON.stringify(doc);
    expect(text).not.toContain("#/$defs");
    expect(text).not.toContain("$schema");
    for (const ref of refs(doc)) expect(at(doc, ...ref.slice(2).split("/")), ref).toBeDefined();

    const list = doc.paths["/agents"]?.get;
    const limit = (at(list, "parameters") as Json[]).find((p) => p.name === "limit");
    expect(limit).toMatchObject({ in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 100, default: 50 } });
    expect(at(list, "responses", "200", "content", "application/json", "schema", "properties", "pagination")).toEqual({ $ref: "#/components/schemas/Pagination" });
    expect(at(list, "responses", "200", "headers", "x-request-id")).toEqual({ $ref: "#/components/headers/RequestId" });
    expect(doc.components.schemas.Pagination).toMatchObject({ required: ["next_cursor", "limit"], properties: { limit: { maximum: 100 } } });
    expect(doc.components.schemas.ErrorBody).toMatchObject({ properties: { error: { required: ["code", "message"] } } });

    const create = doc.paths["/agents"]?.post;
    const body = at(create, "requestBody", "content", "application/json", "schema") as Json;
    expect(body).toMatchObject({ type: "object", additionalProperties: false, required: ["name", "budget_usd"] });
    expect(at(body, "properties", "limits")).toMatchObject({ additionalProperties: false });
    expect(Object.keys(at(create, "responses") as Json).sort()).toEqual(["201", "400", "401", "403", "409", "413", "415"]);
    expect(at(create, "security")).toEqual([{ bearer: [] }]);
    expect(at(create, "x-iron-role")).toBe("user");

    const get = doc.paths["/agents/{id}"]?.get;
    expect(at(get, "parameters")).toEqual([{ name: "id", in: "path", required: true, schema: { type: "string", pattern: "^agt_[0-9A-Za-z]{1,32}$" } }]);
    expect(at(get, "responses", "404", "content", "application/json", "schema", "properties", "error", "properties", "code", "enum")).toEqual(["NOT_FOUND"]);
    expect(Object.keys(at(doc.paths["/agents/{id}"], "delete", "responses") as Json).sort()).toEqual(["204", "400", "401", "403", "404"]);
    expect(at(doc.paths["/openapi.json"], "get", "security")).toEqual([]);
  });

  it("serves itself through a public route", async () => {
    const res = await testApp().app.request("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect((await res.json<OpenApiDocument>()).paths["/agents/{id}"]).toBeDefined();
  });

  it("refuses declarations it could not document or enforce", () => {
    const base = { operationId: "x", summary: "x", tags: [], role: "admin", errors: [], handler: () => Promise.resolve(null) } as const;
    expect(() => defineRoute({ ...base, method: "post", path: "/x", audit: "x.create", body: z.object({ name: z.string() }) })).toThrow(/unknown fields at \//);
    expect(() => defineRoute({ ...base, method: "post", path: "/x", audit: "x.create", body: z.strictObject({ inner: z.looseObject({}) }) })).toThrow(/properties\/inner/);
    expect(() => defineRoute({ ...base, method: "post", path: "/x" })).toThrow(/audit action/);
    expect(() => defineRoute({ ...base, method: "delete", path: "/x", audit: "delete x" })).toThrow(/noun\.verb/);
    expect(() => defineRoute({ ...base, method: "get", path: "/x", audit: "x.read" })).toThrow(/GET routes/);
    expect(() => defineRoute({ ...base, method: "get", path: "/x/:id" })).toThrow(/path parameters/);
    expect(() => defineRoute({ ...base, method: "get", path: "/x/:id", params: z.object({ ident: z.string() }) })).toThrow(/params schema/);
    expect(() => defineRoute({ ...base, method: "get", path: "/x/:id{[0-9]+}", params: z.object({ id: z.string() }) })).toThrow(/neither a literal/);
    const one = defineRoute({ ...base, method: "get", path: "/x/:id", params: z.object({ id: z.string() }) });
    const same = defineRoute({ ...base, operationId: "y", method: "get", path: "/x/:other", params: z.object({ other: z.string() }) });
    expect(() => new RouteRegistry().add(one, same)).toThrow(/clashes/);
  });
});
