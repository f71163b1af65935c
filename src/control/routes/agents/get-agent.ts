import { defineRoute } from "../../openapi/route";
import { isControlRefusal } from "../../openapi/control-errors";
import { agentFor } from "./agent-access";
import { agentJsonOf, snapshotOf } from "./agent-json";
import { agentIdParams, agentJson } from "./agent-schemas";

export const getAgentRoute = defineRoute({
  method: "get",
  path: "/agents/:id",
  operationId: "getAgent",
  summary: "Get an agent with its live budget",
  description: "Budget, spent, reserved, leased out, remaining, percent used and risk level from the agent's budget object; the token's label, never the token.",
  tags: ["agents"],
  role: "viewer",
  params: agentIdParams,
  response: agentJson,
  errors: ["NOT_FOUND"],
  handler: async (c, { params, actor }) => {
    const agent = await agentFor(c.env, actor, params.id, "read");
    if (isControlRefusal(agent)) return agent;
    return agentJsonOf(agent.row, await snapshotOf(c.env, agent.row.id), agent.token);
  },
});
