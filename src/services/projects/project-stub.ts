import type { ProjectBudget } from "../../../durable-objects/project-budget";

/** The project's budget Durable Object (one per project id). */
export function projectStub(env: Env, projectId: string): DurableObjectStub<ProjectBudget> {
  return env.PROJECT_BUDGET.get(env.PROJECT_BUDGET.idFromName(projectId));
}
