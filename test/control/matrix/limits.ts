import { env } from "cloudflare:workers";
import { isRefusal } from "../../../src/errors/refusal";
import { createProject } from "../../../src/services/projects/create-project";
import { matrixAgent } from "./agents";
import type { MatrixCase, MatrixCases } from "./types";

/** An agent's limits route: admins change any agent's; owners and viewers only read (owners their own). */
const onAgent = (suffix: string, body?: unknown): MatrixCase => ({
  access: "owned",
  prepare: async (world, whose) => ({ path: `/limits/agents/${await matrixAgent(world, whose)}${suffix}`, body }),
});

export const cases: MatrixCases = {
  getAgentLimits: onAgent(""),
  // A decrease ($1 → $0.50), confirmed, so an allowed call succeeds.
  setAgentBudget: onAgent("/budget", { budget_usd: "0.5", force: true, reason: "matrix" }),
  setAgentRateLimits: onAgent("/rate-limits", { requests_per_minute: 60, tokens_per_minute: null, concurrent_requests: 4 }),
  // Projects have no owner: admins only, whatever the cell.
  setProjectBudget: {
    access: "any",
    prepare: async () => {
      const project = await createProject(env, { name: `matrix-${crypto.randomUUID()}`, budgetMicros: 2_000_000 });
      if (isRefusal(project)) throw new Error(project.message);
      return { path: `/limits/projects/${project.id}/budget`, body: { budget_usd: "1", force: true } };
    },
  },
};
