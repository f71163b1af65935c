import { z } from "zod";
import { microsToUsd } from "../../../pricing/cost";
import { budgetStub } from "../../../services/agents/budget-stub";
import { isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { usdText } from "../shared/money";
import { agentFor } from "./agent-access";
import { agentIdParams } from "./agent-schemas";

const leaseJson = z
  .object({
    id: z.string().meta({ description: "The lease id (lse_…); never its token." }),
    parent_id: z.string().nullable().meta({ description: "The lease it was carved from (a nested run); null when lent by the agent's budget." }),
    granted_usd: usdText,
    spent_usd: usdText,
    reserved_usd: usdText.meta({ description: "Held by calls in flight on this lease." }),
    remaining_usd: usdText.meta({ description: "What the holder can still spend (nested leases lent out excluded)." }),
    expires_at: z.string().nullable().meta({ description: "ISO-8601 UTC; the lease returns to the budget then unless refreshed." }),
  })
  .meta({ id: "AgentLease" });

export const listAgentLeasesRoute = defineRoute({
  method: "get",
  path: "/agents/:id/leases",
  operationId: "listAgentLeases",
  summary: "An agent's open budget leases",
  description: "The leases currently open on the agent's budget (SDK runs, runtimes, nested runs), newest first, at most 100, from its budget object.",
  tags: ["agents"],
  role: "viewer",
  params: agentIdParams,
  response: z.object({ data: z.array(leaseJson) }),
  errors: ["NOT_FOUND"],
  handler: async (c, { params, actor }) => {
    const agent = await agentFor(c.env, actor, params.id, "read");
    if (isControlRefusal(agent)) return agent;
    const leases = await budgetStub(c.env, agent.row.id).openLeases(agent.row.id);
    return {
      data: leases.map((l) => ({
        id: l.leaseId,
        parent_id: l.parentId === "" || l.parentId === "agent" ? null : l.parentId,
        granted_usd: microsToUsd(l.grantedMicros),
        spent_usd: microsToUsd(l.spentMicros),
        reserved_usd: microsToUsd(l.reservedMicros),
        remaining_usd: microsToUsd(l.remainingMicros),
        expires_at: l.expiresAt > 0 ? new Date(l.expiresAt).toISOString() : null,
      })),
    };
  },
});
