import { Hono } from "hono";
import { newId } from "../../db/ids";
import { controlRefusal, renderRefusal } from "../openapi/control-errors";
import { mountRoutes } from "../openapi/mount";
import { auditRefusal } from "./audit-refusal";
import { authenticateActor } from "./authenticate-actor";
import { controlHeaders } from "./headers";
import { controlRegistry } from "./registry";

/**
 * The control API, mounted at `/api/v1`: CORS and security headers, then every route of the registry (each
 * authenticates, checks its role, validates its input and renders its refusals the same way), with refusals
 * audited. Unknown paths and unexpected errors answer in the same `{"error":{…}}` shape with a request id.
 */
export function controlApp(): Hono<{ Bindings: Env }> {
  const api = new Hono<{ Bindings: Env }>();
  api.use("*", controlHeaders());
  mountRoutes(api, controlRegistry(), { authenticate: authenticateActor, onRefusal: auditRefusal });
  api.notFound(() => renderRefusal(controlRefusal("NOT_FOUND", "No such route in the control API; see /api/v1/openapi.json."), { "x-request-id": newId("req") }));
  api.onError((error, c) => {
    console.error(JSON.stringify({ event: "iron.control_error", error: error.name, path: new URL(c.req.url).pathname }));
    return renderRefusal(controlRefusal("INTERNAL_ERROR", "An unexpected error; if it changed nothing, retry later."), { "x-request-id": newId("req") });
  });
  return api;
}
