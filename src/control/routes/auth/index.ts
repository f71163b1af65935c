import type { ControlRoute } from "../../openapi/route";

/** The control API's auth routes. */
export const authRoutes: readonly ControlRoute[] = [];
