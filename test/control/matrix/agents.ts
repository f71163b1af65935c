import type { World } from "../../helpers/control";
import { ownedAgent, uniqueName } from "../agents/agent-helpers";
import type { MatrixCase, MatrixCases, Whose } from "./types";

/** A fresh $1 agent (with a live token) of `world.owner` (own) or `world.other` (other). */
export async function matrixAgent(world: World, whose: Whose): Promise<string> {
  return (await ownedAgent(whose === "own" ? world.owner.id : world.other.id)).id;
}

/** A route on one agent: admins any, users their own (others NOT_FOUND), viewers read any when the role admits them. */
const onAgent = (suffix: string, body?: unknown): MatrixCase => ({
  access: "owned",
  prepare: async (world, whose) => ({ path: `/agents/${await matrixAgent(world, whose)}${suffix}`, body }),
});

export const cases: MatrixCases = {
  // Anyone the role admits creates an agent of their own (a user with no budget).
  createAgent: { access: "any", prepare: () => Promise.resolve({ path: "/agents", body: { name: uniqueName("matrix"), disconnect_policy: "drain" } }) },
  listAgents: {
    access: "any",
    prepare: async (world, whose) => {
      await matrixAgent(world, whose);
      return { path: "/agents?limit=5" };
    },
  },
  getAgent: onAgent(""),
  listAgentLeases: onAgent("/leases"),
  updateAgent: onAgent("", { name: "matrix renamed", allowed_models: ["gpt-4o-mini"] }),
  deleteAgent: onAgent(""),
  regenerateAgentToken: onAgent("/token"),
  revokeAgentToken: onAgent("/token"),
  suspendAgent: onAgent("/suspend"),
  activateAgent: onAgent("/activate"),
};
