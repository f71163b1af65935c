import { env } from "cloudflare:workers";
import { isRefusal } from "../../../src/errors/refusal";
import { createAgent } from "../../../src/services/agents/create-agent";
import { assignAgentToProject } from "../../../src/services/projects/assign-agent";
import { createProject } from "../../../src/services/projects/create-project";
import type { World } from "../../helpers/control";
import type { MatrixCases, Whose } from "./types";

/** Projects have no owner: admins write, every signed-in role reads. Assigned agents belong to the owner or the other user. */
async function freshProject(): Promise<string> {
  const created = await createProject(env, { name: `mx-${crypto.randomUUID()}`, budgetMicros: 1_000_000 });
  if (isRefusal(created)) throw new Error(created.message);
  return created.id;
}

async function freshAgent(world: World, whose: Whose): Promise<string> {
  const ownerId = whose === "own" ? world.owner.id : world.other.id;
  const created = await createAgent(env, { name: `mx-${crypto.randomUUID()}`, budgetMicros: 1_000_000, providerIds: [], ownerId });
  if (isRefusal(created)) throw new Error(created.message);
  return created.agent.id;
}

export const cases: MatrixCases = {
  createProject: { access: "any", prepare: () => Promise.resolve({ path: "/projects", body: { name: `mx-${crypto.randomUUID()}`, budget_usd: "5" } }) },
  listProjects: { access: "any", prepare: () => Promise.resolve({ path: "/projects?limit=5" }) },
  getProject: { access: "any", prepare: async () => ({ path: `/projects/${await freshProject()}` }) },
  updateProject: { access: "any", prepare: async () => ({ path: `/projects/${await freshProject()}`, body: { description: "matrix" } }) },
  assignProjectAgent: {
    access: "any",
    prepare: async (world, whose) => ({ path: `/projects/${await freshProject()}/agents`, body: { agent_id: await freshAgent(world, whose) } }),
  },
  unassignProjectAgent: {
    access: "any",
    prepare: async (world, whose) => {
      const [projectId, agentId] = [await freshProject(), await freshAgent(world, whose)];
      const assigned = await assignAgentToProject(env, agentId, projectId);
      if (isRefusal(assigned)) throw new Error(assigned.message);
      return { path: `/projects/${projectId}/agents/${agentId}` };
    },
  },
};
