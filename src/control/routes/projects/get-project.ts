import { controlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { findProject, loadProjectDetail } from "../../../services/projects/find-project";
import { projectDetailSchema, projectIdParams } from "./schemas";

export const getProjectRoute = defineRoute({
  method: "get",
  path: "/projects/:id",
  operationId: "getProject",
  summary: "A project, its budget, what its agents have drawn, and how many agents it has",
  tags: ["projects"],
  role: "viewer",
  params: projectIdParams,
  response: projectDetailSchema,
  errors: ["NOT_FOUND"],
  handler: async (c, { params }) => {
    const row = await findProject(c.env, params.id);
    return row === null ? controlRefusal("NOT_FOUND", "No such project.") : loadProjectDetail(c.env, row);
  },
});
