// A small registry for this folder's tests: agents CRUD, a list, and the document itself as a public route.
import { Hono } from "hono";
import { z } from "zod";
import { listOf, pageQuery } from "./common-schemas";
import { controlRefusal } from "./control-errors";
import { openApiDocument } from "./document";
import { mountRoutes, type RefusalEvent } from "./mount";
import { RouteRegistry } from "./registry";
import type { Actor, ActorRole } from "./roles";
import { defineRoute } from "./route";

const agent = z.object({ id: z.string(), name: z.string(), budget_usd: z.string(), tags: z.array(z.string()) }).meta({ id: "Agent" });
const usd = z.string().regex(/^\d{1,9}(\.\d{1,6})?$/, "A decimal USD amount, e.g. \"12.50\".");
const agentId = z.object({ id: z.string().regex(/^agt_[0-9A-Za-z]{1,32}$/, "An agent id (agt_…).") });
const known = { id: "agt_1", name: "one", budget_usd: "5", tags: [] as string[] };

export const calls = { handler: 0 };

export function testRegistry(): RouteRegistry {
  const registry = new RouteRegistry();
  return registry.add(
    defineRoute({
      method: "get", path: "/openapi.json", operationId: "getOpenApi", summary: "This document", tags: ["meta"], role: "public",
      response: z.record(z.string(), z.unknown()), errors: [],
      handler: () => Promise.resolve(openApiDocument(registry) as unknown as Record<string, unknown>),
    }),
    defineRoute({
      method: "get", path: "/agents", operationId: "listAgents", summary: "List agents", tags: ["agents"], role: "viewer",
      query: pageQuery({ status: z.enum(["active", "suspended"]).optional() }), response: listOf(agent), errors: [],
      handler: (_c, { query }) => Promise.resolve({ data: [known], pagination: { next_cursor: null, limit: query.limit } }),
    }),
    defineRoute({
      method: "post", path: "/agents", operationId: "createAgent", summary: "Create an agent", tags: ["agents"], role: "user", status: 201, audit: "agent.create",
      body: z.strictObject({
        name: z.string().min(1).max(64),
        budget_usd: usd,
        tags: z.array(z.string().max(32)).max(10).default([]),
        limits: z.strictObject({ rpm: z.number().int().positive() }).optional(),
      }),
      response: agent, errors: ["CONFLICT"],
      handler: (_c, { body }) => {
        calls.handler++;
        if (body.name === "taken") return Promise.resolve(controlRefusal("CONFLICT", "An agent with this name exists."));
        // `key_hash` is not in the response schema: the mounter must drop it.
        return Promise.resolve({ id: "agt_2", name: body.name, budget_usd: body.budget_usd, tags: body.tags, key_hash: "deadbeef" });
      },
    }),
    defineRoute({
      method: "get", path: "/agents/:id", operationId: "getAgent", summary: "Get an agent", tags: ["agents"], role: "viewer",
      params: agentId, response: agent, errors: ["NOT_FOUND"],
      handler: (_c, { params }) => Promise.resolve(params.id === known.id ? known : controlRefusal("NOT_FOUND", "No such agent.")),
    }),
    defineRoute({
      method: "patch", path: "/agents/:id", operationId: "updateAgent", summary: "Rename an agent", tags: ["agents"], role: "user", audit: "agent.update",
      params: agentId, body: z.strictObject({ name: z.string().min(1).max(64).optional() }), response: agent, errors: ["NOT_FOUND"],
      handler: (_c, { body }) => Promise.resolve({ ...known, name: body.name ?? known.name }),
    }),
    defineRoute({
      method: "delete", path: "/agents/:id", operationId: "deleteAgent", summary: "Delete an agent", tags: ["agents"], role: "admin", audit: "agent.delete",
      params: agentId, errors: ["NOT_FOUND"],
      // agt_1 is deleted (204); elsewhere a refusal with a code the route did not declare — a bug: the mounter throws (500).
      handler: (_c, { params }) => Promise.resolve(params.id === known.id ? null : (controlRefusal("CONFLICT", "undeclared") as unknown as null)),
    }),
  );
}

/** The registry mounted on a sub-app at /api/v1; callers pick their role with `x-test-actor: <role>`. */
export function testApp(refusals: RefusalEvent[] = []): { app: Hono<{ Bindings: Env }>; registry: RouteRegistry } {
  const registry = testRegistry();
  const api = new Hono<{ Bindings: Env }>();
  mountRoutes(api, registry, {
    authenticate: (c) => {
      const role = c.req.header("x-test-actor");
      const actor: Actor | null = role === undefined ? null : { id: `usr_${role}`, role: role as ActorRole };
      return Promise.resolve(actor);
    },
    onRefusal: (_c, event) => {
      refusals.push(event);
      return Promise.resolve();
    },
  });
  const app = new Hono<{ Bindings: Env }>();
  app.route("/api/v1", api);
  return { app, registry };
}
