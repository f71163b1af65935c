import { cachedAgentPolicy, cachedProjectPolicy } from "./policy-cache";
import { mergePolicies, type EffectivePolicy } from "./merge-policy";

/**
 * The policy that applies to an agent's calls (defaults ← project ← agent), read through the policy cache: it may
 * lag a change by up to ~65 s (see policy-cache.ts). `projectId` is the agent's project when the caller knows it;
 * left out, the project recorded with the agent's cached entry is used (the gateway's case).
 */
export async function loadEffectivePolicy(env: Env, agentId: string, projectId?: string | null): Promise<EffectivePolicy> {
  const agent = await cachedAgentPolicy(env, agentId);
  const project = projectId === undefined ? agent.projectId : projectId;
  const projectPolicy = project === null ? null : (await cachedProjectPolicy(env, project)).policy;
  return mergePolicies(projectPolicy, agent.policy);
}
