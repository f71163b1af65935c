import { z } from "zod";
import { findUserById } from "../../auth/find-user";
import { isRefusal } from "../../../errors/refusal";
import { createAgent } from "../../../services/agents/create-agent";
import { controlRefusal } from "../../openapi/control-errors";
import type { Actor } from "../../openapi/roles";
import { defineRoute } from "../../openapi/route";
import { auditBy, usdAmount } from "../shared";
import { invalidInput } from "./agent-access";
import { agentJsonOf } from "./agent-json";
import { agentName, allowedModels, createdAgentJson, disconnectPolicy, projectId, providerIds, rateLimitsInput, toRateLimits, userId } from "./agent-schemas";

const body = z.strictObject({
  name: agentName,
  budget_usd: usdAmount.optional().meta({ description: "Admins: any amount (default 0). Users: 0 only — ask for budget with a budget request." }),
  owner_id: userId.optional().meta({ description: "Admins only: the user who owns the agent (default: the caller)." }),
  project_id: projectId.nullable().optional().meta({ description: "Admins only: the project whose budget the agent also spends from." }),
  provider_ids: providerIds.default([]),
  allowed_models: allowedModels.optional(),
  rate_limits: rateLimitsInput.optional().meta({ description: "Admins only (limits are set by administrators)." }),
  disconnect_policy: disconnectPolicy.optional(),
});

/**
 * Fields only an administrator may set. A user sending one gets FORBIDDEN naming it — never a silent drop: a
 * user's agent starts with no budget (it gets one through a budget request), belongs to the user, in no project.
 */
function adminOnlyFields(actor: Actor, input: z.output<typeof body>): Record<string, string> {
  if (actor.role === "admin") return {};
  const fields: Record<string, string> = {};
  if (input.budget_usd !== undefined && input.budget_usd !== 0) fields.budget_usd = "Only administrators set a budget; create the agent with 0 and ask for budget with a budget request.";
  if (input.owner_id !== undefined && input.owner_id !== actor.id) fields.owner_id = "Only administrators create agents for another user.";
  if (input.project_id != null) fields.project_id = "Only administrators put agents in a project.";
  if (input.rate_limits !== undefined) fields.rate_limits = "Only administrators set rate limits.";
  return fields;
}

export const createAgentRoute = defineRoute({
  method: "post",
  path: "/agents",
  operationId: "createAgent",
  summary: "Create an agent and its agent token",
  description: "Returns the agent token once (only its hash is stored). The caller owns the agent unless an admin names `owner_id`.",
  tags: ["agents"],
  role: "user",
  status: 201,
  audit: "agent.create",
  body,
  response: createdAgentJson,
  errors: ["FORBIDDEN"],
  handler: async (c, { body: input, actor, requestId }) => {
    const forbidden = adminOnlyFields(actor, input);
    if (Object.keys(forbidden).length > 0) return controlRefusal("FORBIDDEN", "Some fields may be set by administrators only; see `fields`.", { fields: forbidden });
    const ownerId = input.owner_id ?? actor.id;
    if (ownerId !== actor.id) {
      const owner = await findUserById(c.env, ownerId);
      if (owner === null || owner.status === "deleted") return controlRefusal("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields: { owner_id: "No such user." } });
    }
    const created = await createAgent(
      c.env,
      {
        name: input.name,
        budgetMicros: input.budget_usd ?? 0,
        providerIds: input.provider_ids,
        allowedModels: input.allowed_models ?? null,
        ownerId,
        projectId: input.project_id ?? null,
        ...(input.rate_limits === undefined ? {} : { limits: toRateLimits(input.rate_limits) }),
        ...(input.disconnect_policy === undefined ? {} : { disconnectPolicy: input.disconnect_policy }),
      },
      { audit: { ...auditBy(c, actor, requestId), action: "agent.create" } },
    );
    if (isRefusal(created)) return invalidInput(created);
    return { ...agentJsonOf(created.row, created.snapshot, created.liveToken), token: created.token };
  },
});
