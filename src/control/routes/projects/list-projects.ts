import { listOf, pageQuery } from "../../openapi/common-schemas";
import { defineRoute } from "../../openapi/route";
import { listProjects } from "../../../services/projects/list-projects";
import { projectSchema } from "./schemas";

export const listProjectsRoute = defineRoute({
  method: "get",
  path: "/projects",
  operationId: "listProjects",
  summary: "List projects",
  description: "Oldest first. Spend figures are on GET /projects/:id.",
  tags: ["projects"],
  role: "viewer",
  query: pageQuery({}),
  response: listOf(projectSchema),
  errors: [],
  handler: (c, { query }) => listProjects(c.env, query),
});
