import type { ControlRoute } from "../../openapi/route";

/** The control API's providers routes. */
export const providersRoutes: readonly ControlRoute[] = [];
