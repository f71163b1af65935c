import { DEFAULT_SAFETY, SAFETY_CATEGORIES, type PolicyDocument, type SafetyAction, type SafetyCategory, type SafetyDirection, type SafetyRules } from "./policy-schema";

export type PolicySource = "default" | "project" | "agent";

/** The policy that applies to one agent: every detector's action, and the models its policies allow. */
export interface EffectivePolicy {
  safety: SafetyRules;
  /** Where each action came from. */
  sources: Record<SafetyDirection, Record<SafetyCategory, PolicySource>>;
  /**
   * The intersection of the project's and the agent's policy allow-lists (null = neither restricts). The agent's own
   * `allowed_models` (on the agent) is a further, separate restriction the gateway checks as before.
   */
  allowModels: string[] | null;
}

/** defaults ← project ← agent: a level's action wins over the one below; allow-lists intersect. */
export function mergePolicies(project: PolicyDocument | null, agent: PolicyDocument | null): EffectivePolicy {
  const safety: SafetyRules = { input: { ...DEFAULT_SAFETY.input }, output: { ...DEFAULT_SAFETY.output } };
  const sources: EffectivePolicy["sources"] = { input: allDefault(), output: allDefault() };
  for (const [source, document] of [["project", project], ["agent", agent]] as const) {
    for (const direction of ["input", "output"] as const) {
      for (const category of SAFETY_CATEGORIES) {
        const action: SafetyAction | undefined = document?.safety?.[direction]?.[category];
        if (action === undefined) continue;
        safety[direction][category] = action;
        sources[direction][category] = source;
      }
    }
  }
  return { safety, sources, allowModels: intersectAllowLists([project?.models?.allow ?? null, agent?.models?.allow ?? null]) };
}

/** The models every list allows; null lists do not restrict; null when none restricts. */
export function intersectAllowLists(lists: readonly (readonly string[] | null)[]): string[] | null {
  let result: string[] | null = null;
  for (const list of lists) {
    if (list === null) continue;
    result = result === null ? [...list] : result.filter((model) => list.includes(model));
  }
  return result;
}

/** Whether an allow-list admits a model, by the name the agent sent or the price table's name for it. */
export function allowsModel(allow: readonly string[] | null, model: string, pricedModel: string): boolean {
  return allow === null || allow.includes(model) || allow.includes(pricedModel);
}

function allDefault(): Record<SafetyCategory, PolicySource> {
  return { secrets: "default", pii: "default", injection: "default" };
}
