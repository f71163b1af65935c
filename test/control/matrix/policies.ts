import { env } from "cloudflare:workers";
import { isRefusal } from "../../../src/errors/refusal";
import { createAgent } from "../../../src/services/agents/create-agent";
import { createProject } from "../../../src/services/projects/create-project";
import type { World } from "../../helpers/control";
import type { MatrixCases, Whose } from "./types";

/**
 * Agent policies follow their agent's owner (users read and tighten their own agents' policies; others' are
 * NOT_FOUND); removing one is for admins. Project policies are global: admins write, everyone signed in reads.
 */
async function freshAgent(world: World, whose: Whose): Promise<string> {
  const ownerId = whose === "own" ? world.owner.id : world.other.id;
  const created = await createAgent(env, { name: `mx-${crypto.randomUUID()}`, budgetMicros: 1_000_000, providerIds: [], ownerId });
  if (isRefusal(created)) throw new Error(created.message);
  return created.agent.id;
}

async function freshProject(): Promise<string> {
  const created = await createProject(env, { name: `mx-${crypto.randomUUID()}`, budgetMicros: 1_000_000 });
  if (isRefusal(created)) throw new Error(created.message);
  return created.id;
}

/** Stricter than the defaults, so an owner may set it too. */
const TIGHTER = { safety: { input: { pii: "block" } }, models: { allow: ["gpt-4o-mini"] } };

export const cases: MatrixCases = {
  getAgentPolicy: { access: "owned", prepare: async (world, whose) => ({ path: `/policies/agents/${await freshAgent(world, whose)}` }) },
  putAgentPolicy: { access: "owned", prepare: async (world, whose) => ({ path: `/policies/agents/${await freshAgent(world, whose)}`, body: TIGHTER }) },
  deleteAgentPolicy: { access: "owned", prepare: async (world, whose) => ({ path: `/policies/agents/${await freshAgent(world, whose)}` }) },
  getEffectivePolicy: { access: "owned", prepare: async (world, whose) => ({ path: `/policies/agents/${await freshAgent(world, whose)}/effective` }) },
  getProjectPolicy: { access: "any", prepare: async () => ({ path: `/policies/projects/${await freshProject()}` }) },
  putProjectPolicy: { access: "any", prepare: async () => ({ path: `/policies/projects/${await freshProject()}`, body: TIGHTER }) },
  deleteProjectPolicy: { access: "any", prepare: async () => ({ path: `/policies/projects/${await freshProject()}` }) },
};
