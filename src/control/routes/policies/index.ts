import type { ControlRoute } from "../../openapi/route";

/** The control API's policies routes. */
export const policiesRoutes: readonly ControlRoute[] = [];
