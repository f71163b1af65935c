import type { ControlRoute } from "../../openapi/route";
import { listAuditRoute } from "./list-audit";
import { verifyAuditRoute } from "./verify-audit";

/** The control API's audit routes: query and follow the audit log, verify its hash chain. */
export const auditRoutes: readonly ControlRoute[] = [listAuditRoute, verifyAuditRoute];
