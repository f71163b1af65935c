const MAX_COMPLETION_ONLY = ["o1", "o3", "o4", "gpt-5"];

/**
 * The field that carries the completion bound for `model`: reasoning models (o1/o3/o4/gpt-5 families) only
 * accept `max_completion_tokens`; others get whichever field the agent used, `max_tokens` by default.
 * A vendor prefix such as `openai/` (OpenAI-compatible routers) is ignored.
 */
export function completionBoundField(model: string, agentUsedMaxCompletionTokens: boolean): string {
  const name = model.slice(model.lastIndexOf("/") + 1).toLowerCase();
  if (agentUsedMaxCompletionTokens || MAX_COMPLETION_ONLY.some((p) => name.startsWith(p))) {
    return "max_completion_tokens";
  }
  return "max_tokens";
}
