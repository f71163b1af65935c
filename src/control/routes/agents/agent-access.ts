import type { AgentRow } from "../../../db/schema";
import type { Refusal } from "../../../errors/refusal";
import { loadAgentConfig, type LiveToken } from "../../../services/agents/load-agent";
import type { BudgetConfig } from "../../../../durable-objects/budget/types";
import { controlRefusal, isControlRefusal, type ControlRefusal } from "../../openapi/control-errors";
import type { Actor } from "../../openapi/roles";
import { canRead, canWrite } from "../shared";

export interface VisibleAgent {
  row: AgentRow;
  config: BudgetConfig;
  token: LiveToken | null;
}

/**
 * The agent, if the caller may read it (`read`) or change it (`write`). Anyone else gets NOT_FOUND, the same as
 * for an id that does not exist, so other users' agent ids are not confirmed.
 */
export async function agentFor(env: Env, actor: Actor, agentId: string, need: "read" | "write"): Promise<VisibleAgent | ControlRefusal<"NOT_FOUND">> {
  const loaded = await loadAgentConfig(env, agentId);
  const allowed = loaded !== null && (need === "read" ? canRead(actor, loaded.row.ownerId) : canWrite(actor, loaded.row.ownerId));
  return allowed ? loaded : controlRefusal("NOT_FOUND", "No such agent.");
}

/** The agent a change applies to: visible and writable by the actor, and not deleted (kept for history, read-only). */
export async function liveAgentFor(env: Env, actor: Actor, agentId: string): Promise<VisibleAgent | ControlRefusal<"NOT_FOUND" | "CONFLICT">> {
  const agent = await agentFor(env, actor, agentId, "write");
  if (isControlRefusal(agent)) return agent;
  return agent.row.status === "deleted" ? controlRefusal("CONFLICT", "The agent is deleted; it can no longer be changed.") : agent;
}

/** A service's refusal in the control API's terms: a bad field → VALIDATION_ERROR naming it; anything else → NOT_FOUND. */
export function fromServiceRefusal(refusal: Refusal): ControlRefusal<"VALIDATION_ERROR" | "NOT_FOUND"> {
  return refusal.code === "not_found" ? controlRefusal("NOT_FOUND", "No such agent.") : invalidInput(refusal);
}

/** A service's input refusal (unknown provider, project…) as a VALIDATION_ERROR naming the field. */
export function invalidInput(refusal: Refusal): ControlRefusal<"VALIDATION_ERROR"> {
  return controlRefusal("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields: { [refusal.field ?? "body"]: refusal.message } });
}
