import type { World } from "../../helpers/control";
import { ownedAgent, pendingRequest } from "../budget-requests/support";
import type { MatrixCases, Whose } from "./types";

/** The user owning the cell's object. */
const ownerOf = (world: World, whose: Whose) => (whose === "own" ? world.owner : world.other);

/** A fresh agent of the cell's owner with a pending request that owner made (so the owner may also cancel it). */
async function freshRequest(world: World, whose: Whose): Promise<string> {
  const owner = ownerOf(world, whose);
  return pendingRequest(await ownedAgent(owner.id, 1_000_000), owner.id, 5_000_000);
}

export const cases: MatrixCases = {
  createBudgetRequest: {
    access: "owned",
    prepare: async (world, whose) => ({
      path: "/budget-requests",
      body: { agent_id: await ownedAgent(ownerOf(world, whose).id, 1_000_000), requested_budget_usd: "5.25", justification: "Matrix: the agent needs more budget." },
    }),
  },
  listBudgetRequests: {
    access: "any",
    prepare: async (world, whose) => {
      await freshRequest(world, whose);
      return { path: "/budget-requests?status=pending&limit=5" };
    },
  },
  getBudgetRequest: {
    access: "owned",
    prepare: async (world, whose) => ({ path: `/budget-requests/${await freshRequest(world, whose)}` }),
  },
  approveBudgetRequest: {
    access: "owned",
    prepare: async (world, whose) => ({ path: `/budget-requests/${await freshRequest(world, whose)}/approve`, body: { amount_usd: 4, notes: "Matrix approval." } }),
  },
  rejectBudgetRequest: {
    access: "owned",
    prepare: async (world, whose) => ({ path: `/budget-requests/${await freshRequest(world, whose)}/reject`, body: { notes: "Matrix rejection." } }),
  },
  cancelBudgetRequest: {
    access: "owned",
    prepare: async (world, whose) => ({ path: `/budget-requests/${await freshRequest(world, whose)}/cancel` }),
  },
  listBudgetHistory: {
    access: "any",
    prepare: async (world, whose) => ({ path: `/budget-history?target_type=agent&target_id=${await ownedAgent(ownerOf(world, whose).id)}` }),
  },
};
