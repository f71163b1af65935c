import type { ControlRoute } from "../../openapi/route";
import { createApiTokenRoute } from "./create-api-token";
import { listApiTokensRoute } from "./list-api-tokens";
import { revokeApiTokenRoute } from "./revoke-api-token";

/** The control API's api-tokens routes: every person manages their own; admins see and revoke anyone's. */
export const apiTokensRoutes: readonly ControlRoute[] = [createApiTokenRoute, listApiTokensRoute, revokeApiTokenRoute];
