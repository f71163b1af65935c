import { describe, expect, it } from "vitest";
import { app } from "../../src/app";
import { controlRegistry } from "../../src/control/api/registry";
import { listRoutes, routeCoverage, type OpenApiDocument } from "../../src/control/openapi";
import { controlFetch } from "../helpers/control";

describe("the OpenAPI document at /api/v1/openapi.json", () => {
  it("describes exactly the routes the Worker serves under /api/v1 (none missing either way)", async () => {
    const res = await controlFetch("GET", "/openapi.json");
    expect(res.status).toBe(200);
    const document = await res.json<OpenApiDocument>();
    expect(document.openapi).toBe("3.1.0");
    expect(routeCoverage(app, document, "/api/v1")).toEqual({ missingFromDocument: [], missingFromApp: [] });
    expect(Object.values(document.paths).flatMap((ops) => Object.keys(ops)).length).toBe(listRoutes(controlRegistry()).length);
  });

  it("gives every operation a unique id, a summary, a tag and its error codes", async () => {
    const document = await (await controlFetch("GET", "/openapi.json")).json<OpenApiDocument>();
    const ids = new Set<string>();
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const op = operation as { operationId: string; summary: string; tags: string[]; responses: Record<string, unknown> };
        expect(ids.has(op.operationId), `${method} ${path}`).toBe(false);
        ids.add(op.operationId);
        expect(op.summary.length, `${method} ${path}`).toBeGreaterThan(3);
        expect(op.tags.length, `${method} ${path}`).toBeGreaterThan(0);
        expect(Object.keys(op.responses).some((status) => status.startsWith("2")), `${method} ${path}`).toBe(true);
      }
    }
  });
});

describe("control API conventions over HTTP", () => {
  it("answers unknown paths in the control error shape with a request id", async () => {
    const res = await controlFetch("GET", "/no-such-thing");
    expect(res.status).toBe(404);
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe("NOT_FOUND");
  });

  it("sends security headers, and CORS only to configured dashboard origins", async () => {
    const res = await controlFetch("GET", "/openapi.json", { headers: { origin: "https://evil.example" } });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await controlFetch("OPTIONS", "/agents", { headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });
});
