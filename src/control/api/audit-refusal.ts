import { recordAudit } from "../audit/batch-with-audit";
import type { RefusalEvent } from "../openapi/mount";
import type { ControlContext } from "../openapi/route";
import { auditBy } from "../routes/shared/audit-context";

const DENIED = new Set(["UNAUTHORIZED", "INVALID_TOKEN", "TOKEN_EXPIRED", "SESSION_REVOKED", "FORBIDDEN", "INVALID_CREDENTIALS", "TOO_MANY_ATTEMPTS", "ACCOUNT_SUSPENDED"]);

/**
 * Audits refused calls (PRODUCT.md §5, "denied and failed actions are audited too"): every refusal of a route that
 * changes something (one record: `denied` for credential and permission refusals, `failed` otherwise), and on
 * reads the denied ones and NOT_FOUND (probing for other people's objects). The record names the route's audit
 * action (or `api.<operation>` for reads), the caller as far as known, the error code and the path.
 */
export async function auditRefusal(c: ControlContext, event: RefusalEvent): Promise<void> {
  const { route, refusal } = event;
  const mutation = route.audit !== null;
  if (!mutation && !DENIED.has(refusal.code) && refusal.code !== "NOT_FOUND") return;
  await recordAudit(c.env.DB, {
    ...auditBy(c, event.actor, event.requestId),
    action: route.audit ?? `api.${snake(route.operationId)}`,
    targetType: refusal.auditTarget?.type ?? targetTypeOf(c.req.param("id")) ?? route.tags[0] ?? null,
    targetId: refusal.auditTarget?.id ?? c.req.param("id") ?? null,
    outcome: DENIED.has(refusal.code) ? "denied" : "failed",
    after: { error: refusal.code, method: route.method.toUpperCase(), path: new URL(c.req.url).pathname },
  });
}

/** The object type an id names, by its prefix (as successful records name it); unknown → the route's tag. */
const TYPE_BY_PREFIX: Readonly<Record<string, string>> = {
  agt: "agent", prov: "provider", prj: "project", usr: "user", atok: "api_token", brq: "budget_request", ses: "session", lse: "lease",
};

function targetTypeOf(id: string | undefined): string | undefined {
  return id === undefined ? undefined : TYPE_BY_PREFIX[id.slice(0, id.indexOf("_"))];
}

function snake(operationId: string): string {
  return operationId.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
