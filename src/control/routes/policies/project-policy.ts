import { controlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared/audit-context";
import { findPolicy } from "../../../policies/find-policy";
import { projectExists } from "../../../policies/policy-agent";
import { policyDocumentSchema } from "../../../policies/policy-schema";
import { setPolicy } from "../../../policies/set-policy";
import { LAG_NOTE, policyResourceSchema, projectIdParams } from "./schemas";

const NO_PROJECT = "No such project.";

export const getProjectPolicyRoute = defineRoute({
  method: "get",
  path: "/policies/projects/:id",
  operationId: "getProjectPolicy",
  summary: "The policy set on a project (null: its agents get the defaults)",
  description: LAG_NOTE,
  tags: ["policies"],
  role: "viewer",
  params: projectIdParams,
  response: policyResourceSchema,
  errors: ["NOT_FOUND"],
  handler: async (c, { params }) => ((await projectExists(c.env, params.id)) ? findPolicy(c.env, "project", params.id) : controlRefusal("NOT_FOUND", NO_PROJECT)),
});

export const putProjectPolicyRoute = defineRoute({
  method: "put",
  path: "/policies/projects/:id",
  operationId: "putProjectPolicy",
  summary: "Set a project's policy (replaces it); it applies to the project's agents under their own policies",
  description: LAG_NOTE,
  tags: ["policies"],
  role: "admin",
  audit: "project_policy.set",
  params: projectIdParams,
  body: policyDocumentSchema,
  response: policyResourceSchema,
  errors: ["NOT_FOUND"],
  handler: async (c, { params, body, actor, requestId }) =>
    (await projectExists(c.env, params.id)) ? setPolicy(c.env, "project", params.id, body, auditBy(c, actor, requestId)) : controlRefusal("NOT_FOUND", NO_PROJECT),
});

export const deleteProjectPolicyRoute = defineRoute({
  method: "delete",
  path: "/policies/projects/:id",
  operationId: "deleteProjectPolicy",
  summary: "Remove a project's policy: its agents get the defaults under their own policies",
  description: `Idempotent. ${LAG_NOTE}`,
  tags: ["policies"],
  role: "admin",
  audit: "project_policy.delete",
  params: projectIdParams,
  errors: ["NOT_FOUND"],
  handler: async (c, { params, actor, requestId }) => {
    if (!(await projectExists(c.env, params.id))) return controlRefusal("NOT_FOUND", NO_PROJECT);
    await setPolicy(c.env, "project", params.id, null, auditBy(c, actor, requestId));
    return null;
  },
});
