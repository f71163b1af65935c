import type { ControlRoute } from "../control/openapi/route";
import { getLeaseRoute } from "./get-lease";
import { handshakeRoute } from "./handshake";
import { refreshRoute } from "./refresh";
import { reportRoute } from "./report";
import { returnLeaseRoute } from "./return-lease";

/**
 * The budget control protocol (PRODUCT.md §4) as control-API routes under `/api/v1/budget`: declared in the
 * registry like every other route, so they are validated the same way and described in the OpenAPI document.
 */
export const budgetProtocolRoutes: readonly ControlRoute[] = [handshakeRoute, refreshRoute, reportRoute, returnLeaseRoute, getLeaseRoute];
