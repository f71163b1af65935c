import type { ControlRoute } from "../../openapi/route";

/** The control API's users routes. */
export const usersRoutes: readonly ControlRoute[] = [];
