import { createTestAgent } from "../../helpers/fixtures";
import { openLease } from "../../helpers/leases";
import type { MatrixCases, MatrixRequest } from "./types";

// The budget protocol is public to the control API's authenticator: each route checks the agent or lease token it
// is given (here in the body, which wins over whatever Authorization header the matrix sends), so every caller
// succeeds with a valid agent/lease token of a fresh agent.

const freshLease = async (): Promise<string> => (await openLease((await createTestAgent({ budgetUsd: 1 })).token, 0.1)).lease_token;

export const cases: MatrixCases = {
  openBudgetLease: {
    access: "public",
    prepare: async () => ({ path: "/budget/handshake", body: { agent_token: (await createTestAgent({ budgetUsd: 1 })).token, requested_usd: 0.05 } }),
  },
  refreshBudgetLease: { access: "public", prepare: async () => ({ path: "/budget/refresh", body: { lease_token: await freshLease(), requested_usd: 0.01 } }) },
  reportBudgetUsage: {
    access: "public",
    prepare: async () => ({ path: "/budget/report", body: { lease_token: await freshLease(), event_id: crypto.randomUUID(), cost_usd: 0.001 } }),
  },
  returnBudgetLease: { access: "public", prepare: async () => ({ path: "/budget/return", body: { lease_token: await freshLease() } }) },
  getBudgetLease: {
    access: "public",
    // A GET has no body: the lease token goes in `x-iron-lease`, which wins over the caller's Authorization header.
    // MatrixRequest has no `headers` (the matrix skips public routes today); a runner that calls them must send these.
    prepare: async () => {
      const request: MatrixRequest & { headers: Record<string, string> } = { path: "/budget/lease", headers: { "x-iron-lease": await freshLease() } };
      return request;
    },
  },
};
