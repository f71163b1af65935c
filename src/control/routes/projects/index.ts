import type { ControlRoute } from "../../openapi/route";

/** The control API's projects routes. */
export const projectsRoutes: readonly ControlRoute[] = [];
