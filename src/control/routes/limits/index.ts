import type { ControlRoute } from "../../openapi/route";

/** The control API's limits routes. */
export const limitsRoutes: readonly ControlRoute[] = [];
