import { z } from "zod";
import { findUserById } from "../../auth/find-user";
import { isRefusal } from "../../../errors/refusal";
import { updateAgentSettings } from "../../../services/agents/update-agent-settings";
import { controlRefusal, isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared";
import { fromServiceRefusal, liveAgentFor } from "./agent-access";
import { agentJsonOf, snapshotOf } from "./agent-json";
import { agentIdParams, agentJson, agentName, allowedModels, disconnectPolicy, providerIds, userId } from "./agent-schemas";

const invalid = (fields: Record<string, string>) => controlRefusal("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields });

export const updateAgentRoute = defineRoute({
  method: "patch",
  path: "/agents/:id",
  operationId: "updateAgent",
  summary: "Edit an agent's name, providers, models or disconnect policy",
  description:
    "Owners and admins. Budget, status, rate limits and project are not fields here (they have their own operations), so sending them is refused. `owner_id` (hand the agent to another user) is for admins only.",
  tags: ["agents"],
  role: "user",
  audit: "agent.update",
  params: agentIdParams,
  body: z.strictObject({
    name: agentName.optional(),
    provider_ids: providerIds.optional(),
    allowed_models: allowedModels.optional(),
    disconnect_policy: disconnectPolicy.optional(),
    owner_id: userId.optional().meta({ description: "Admins only." }),
  }),
  response: agentJson,
  errors: ["NOT_FOUND", "CONFLICT"],
  handler: async (c, { params, body, actor, requestId }) => {
    if (Object.values(body).every((value) => value === undefined)) return invalid({ body: "Nothing to change: send at least one field." });
    const agent = await liveAgentFor(c.env, actor, params.id);
    if (isControlRefusal(agent)) return agent;
    if (body.owner_id !== undefined && body.owner_id !== agent.row.ownerId) {
      if (actor.role !== "admin") return controlRefusal("FORBIDDEN", "Only administrators change an agent's owner; see `fields`.", { fields: { owner_id: "Only administrators change an agent's owner." } });
      const owner = await findUserById(c.env, body.owner_id);
      if (owner === null || owner.status === "deleted") return invalid({ owner_id: "No such user." });
    }
    const updated = await updateAgentSettings(
      c.env,
      agent.row.id,
      { name: body.name, providerIds: body.provider_ids, allowedModels: body.allowed_models, disconnectPolicy: body.disconnect_policy, ownerId: body.owner_id },
      { audit: { ...auditBy(c, actor, requestId), action: "agent.update" } },
    );
    if (isRefusal(updated)) return fromServiceRefusal(updated);
    return agentJsonOf(updated, await snapshotOf(c.env, agent.row.id), agent.token);
  },
});
