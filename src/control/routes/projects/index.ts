import type { ControlRoute } from "../../openapi/route";
import { assignProjectAgentRoute } from "./assign-project-agent";
import { createProjectRoute } from "./create-project";
import { getProjectRoute } from "./get-project";
import { listProjectsRoute } from "./list-projects";
import { unassignProjectAgentRoute } from "./unassign-project-agent";
import { updateProjectRoute } from "./update-project";

/** The control API's projects routes: admins write, everyone signed in reads (projects have no owner). */
export const projectsRoutes: readonly ControlRoute[] = [
  createProjectRoute,
  listProjectsRoute,
  getProjectRoute,
  updateProjectRoute,
  assignProjectAgentRoute,
  unassignProjectAgentRoute,
];
