import type { ControlRoute } from "../../openapi/route";

/** The control API's agents routes. */
export const agentsRoutes: readonly ControlRoute[] = [];
