import type { ControlRoute } from "../../openapi/route";
import { deleteAgentPolicyRoute } from "./delete-agent-policy";
import { getAgentPolicyRoute } from "./get-agent-policy";
import { getEffectivePolicyRoute } from "./get-effective-policy";
import { deleteProjectPolicyRoute, getProjectPolicyRoute, putProjectPolicyRoute } from "./project-policy";
import { putAgentPolicyRoute } from "./put-agent-policy";

/** The control API's policies routes (safety actions and model allow-lists per agent and per project). */
export const policiesRoutes: readonly ControlRoute[] = [
  getAgentPolicyRoute,
  putAgentPolicyRoute,
  deleteAgentPolicyRoute,
  getEffectivePolicyRoute,
  getProjectPolicyRoute,
  putProjectPolicyRoute,
  deleteProjectPolicyRoute,
];
