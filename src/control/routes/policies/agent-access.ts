import { controlRefusal, type ControlRefusal } from "../../openapi/control-errors";
import type { Actor } from "../../openapi/roles";
import { canRead } from "../shared/ownership";
import { findPolicyAgent, type PolicyAgent } from "../../../policies/policy-agent";

/** The agent a policy route is about, if the caller may see it: others' agents are NOT_FOUND to users. */
export async function visibleAgent(env: Env, actor: Actor, agentId: string): Promise<PolicyAgent | ControlRefusal<"NOT_FOUND">> {
  const agent = await findPolicyAgent(env, agentId);
  if (agent === null || !canRead(actor, agent.ownerId)) return controlRefusal("NOT_FOUND", "No such agent.");
  return agent;
}
