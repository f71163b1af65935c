import { Hono } from "hono";
import { controlApp } from "./control/api/control-app";
import { controlRefusal, renderRefusal } from "./control/openapi/control-errors";
import { newId } from "./db/ids";
import { devSeedRoutes } from "./dev/seed-route";
import { gatewayRoutes } from "./gateway/routes";

/** The Worker's routes: the agent gateway under /v1, the control API (budget protocol included) under /api/v1. */
export const app = new Hono<{ Bindings: Env }>()
  .get("/health", (c) => c.json({ ok: true }))
  .route("/v1", gatewayRoutes)
  .route("/api/v1", controlApp())
  .route("/__dev", devSeedRoutes);

app.notFound((c) => {
  const path = new URL(c.req.url).pathname;
  if (path === "/api" || path.startsWith("/api/")) {
    return renderRefusal(controlRefusal("NOT_FOUND", "No such route in the control API; see /api/v1/openapi.json."), { "x-request-id": newId("req") });
  }
  return c.json({ error: { message: `Unknown route ${c.req.method} ${path}.`, type: "invalid_request_error", param: null, code: "not_found" } }, 404);
});

app.onError((error, c) => {
  // A bug, not a refusal: log its type only (messages can carry request data), answer a generic 500.
  console.error(JSON.stringify({ event: "iron.unhandled_error", error: error.name, path: new URL(c.req.url).pathname }));
  return c.json({ error: { message: "Internal error in the gateway.", type: "api_error", param: null, code: "internal_error" } }, 500);
});
