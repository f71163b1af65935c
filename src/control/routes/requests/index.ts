import type { ControlRoute } from "../../openapi/route";
import { getRequestRoute } from "./get-request";
import { listRequestsRoute } from "./list-requests";

/** The control API's per-request records (`request_log`): list, follow, get one. */
export const requestsRoutes: readonly ControlRoute[] = [listRequestsRoute, getRequestRoute];
