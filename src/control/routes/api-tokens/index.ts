import type { ControlRoute } from "../../openapi/route";

/** The control API's api-tokens routes. */
export const apiTokensRoutes: readonly ControlRoute[] = [];
