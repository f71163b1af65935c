import { Hono } from "hono";
import { budgetRoutes } from "./budget-api/routes";
import { devSeedRoutes } from "./dev/seed-route";
import { gatewayRoutes } from "./gateway/routes";

/** The Worker's routes: the agent gateway under /v1, the budget protocol under /api/v1/budget (the rest of the control API and the dashboard join later). */
export const app = new Hono<{ Bindings: Env }>()
  .get("/health", (c) => c.json({ ok: true }))
  .route("/v1", gatewayRoutes)
  .route("/api/v1/budget", budgetRoutes)
  .route("/__dev", devSeedRoutes);

app.onError((error, c) => {
  // A bug, not a refusal: log its type only (messages can carry request data), answer a generic 500.
  console.error(JSON.stringify({ event: "iron.unhandled_error", error: error.name, path: new URL(c.req.url).pathname }));
  return c.json({ error: { message: "Internal error in the gateway.", type: "api_error", param: null, code: "internal_error" } }, 500);
});
