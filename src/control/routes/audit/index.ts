import type { ControlRoute } from "../../openapi/route";

/** The control API's audit routes. */
export const auditRoutes: readonly ControlRoute[] = [];
