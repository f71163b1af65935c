import type { ControlRoute } from "../../openapi/route";

/** The control API's analytics routes. */
export const analyticsRoutes: readonly ControlRoute[] = [];
