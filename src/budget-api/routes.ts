import { Hono } from "hono";
import type { ControlRoute } from "../control/openapi/route";
import { controlError } from "../errors/control-error";
import { budgetStub } from "../services/agents/budget-stub";
import { leaseKey, presentedKey } from "./credentials";
import { handshake } from "./handshake";
import { leaseJson } from "./lease-view";
import { refresh } from "./refresh";
import { report } from "./report";
import { returnLease } from "./return-lease";

/** The budget control protocol (PRODUCT.md §4), mounted at `/api/v1/budget`. */
export const budgetRoutes = new Hono<{ Bindings: Env }>()
  .post("/handshake", handshake)
  .post("/refresh", refresh)
  .post("/report", report)
  .post("/return", returnLease)
  .get("/lease", async (c) => {
    const lease = await leaseKey(presentedKey(c.req.raw.headers, undefined));
    if (lease === null) return controlError(401, "INVALID_TOKEN", "A lease token (icl_…) is required.");
    const stub = budgetStub(c.env, lease.agentId);
    const view = await stub.lease(lease.leaseTokenHash);
    const snapshot = await stub.snapshot(lease.agentId);
    if (view === null) return controlError(404, "LEASE_NOT_FOUND", "No such lease.");
    return c.json(leaseJson(view, snapshot?.remainingMicros ?? 0));
  });

/** The budget protocol as control-API routes (declared in the registry, so they are in the OpenAPI document). */
export const budgetProtocolRoutes: readonly ControlRoute[] = [];
