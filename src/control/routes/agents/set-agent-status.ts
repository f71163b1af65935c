import { isRefusal } from "../../../errors/refusal";
import { updateAgentState } from "../../../services/agents/update-agent-state";
import { isControlRefusal, type ControlRefusal } from "../../openapi/control-errors";
import type { Actor } from "../../openapi/roles";
import type { ControlContext } from "../../openapi/route";
import { auditBy } from "../shared";
import { fromServiceRefusal, liveAgentFor } from "./agent-access";
import { agentJsonOf } from "./agent-json";

/**
 * Suspends or reactivates an agent (shared by the two routes). The budget object learns first, so a suspension
 * refuses the very next gateway call. Idempotent: suspending a suspended agent succeeds (and is audited).
 */
export async function setAgentStatus(
  c: ControlContext,
  input: { agentId: string; actor: Actor; requestId: string; status: "active" | "suspended"; action: string },
): Promise<ReturnType<typeof agentJsonOf> | ControlRefusal<"NOT_FOUND" | "CONFLICT" | "VALIDATION_ERROR">> {
  const agent = await liveAgentFor(c.env, input.actor, input.agentId);
  if (isControlRefusal(agent)) return agent;
  const result = await updateAgentState(c.env, agent.row.id, { status: input.status }, { audit: { ...auditBy(c, input.actor, input.requestId), action: input.action } });
  if (isRefusal(result)) return fromServiceRefusal(result);
  return agentJsonOf(result.row, result, agent.token);
}
