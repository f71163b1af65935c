import type { ControlRoute } from "../../openapi/route";
import { activateAgentRoute } from "./activate-agent";
import { createAgentRoute } from "./create-agent";
import { deleteAgentRoute } from "./delete-agent";
import { getAgentRoute } from "./get-agent";
import { listAgentLeasesRoute } from "./list-agent-leases";
import { listAgentsRoute } from "./list-agents";
import { regenerateAgentTokenRoute } from "./regenerate-agent-token";
import { revokeAgentTokenRoute } from "./revoke-agent-token";
import { suspendAgentRoute } from "./suspend-agent";
import { updateAgentRoute } from "./update-agent";

/** The control API's agents routes. */
export const agentsRoutes: readonly ControlRoute[] = [
  createAgentRoute,
  listAgentsRoute,
  getAgentRoute,
  listAgentLeasesRoute,
  updateAgentRoute,
  deleteAgentRoute,
  regenerateAgentTokenRoute,
  revokeAgentTokenRoute,
  suspendAgentRoute,
  activateAgentRoute,
];
