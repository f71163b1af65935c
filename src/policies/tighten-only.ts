import { intersectAllowLists, mergePolicies } from "./merge-policy";
import { SAFETY_CATEGORIES, strictness, type PolicyDocument } from "./policy-schema";

/**
 * Owners may change their own agent's policy only to make it stricter: every action at least as strict as what
 * applies now, and no model allowed that is not allowed now. Returns the fields the change would loosen (empty = ok).
 * "Now" is the effective policy with the current agent policy (admins may have set it looser or stricter).
 */
export function loosenedFields(input: {
  projectPolicy: PolicyDocument | null;
  currentAgentPolicy: PolicyDocument | null;
  nextAgentPolicy: PolicyDocument;
  agentAllowedModels: string[] | null;
}): Record<string, string> {
  const now = mergePolicies(input.projectPolicy, input.currentAgentPolicy);
  const next = mergePolicies(input.projectPolicy, input.nextAgentPolicy);
  const loosened: Record<string, string> = {};
  for (const direction of ["input", "output"] as const) {
    for (const category of SAFETY_CATEGORIES) {
      const [was, will] = [now.safety[direction][category], next.safety[direction][category]];
      if (strictness(will) < strictness(was)) loosened[`safety.${direction}.${category}`] = `Looser than the '${was}' that applies now; only an admin may loosen.`;
    }
  }
  const wasAllowed = intersectAllowLists([input.agentAllowedModels, now.allowModels]);
  const willAllow = intersectAllowLists([input.agentAllowedModels, next.allowModels]);
  if (wasAllowed !== null && (willAllow === null || willAllow.some((model) => !wasAllowed.includes(model)))) {
    loosened["models.allow"] = "Allows models that are not allowed now; only an admin may widen the list.";
  }
  return loosened;
}
