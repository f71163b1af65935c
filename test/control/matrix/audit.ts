import type { MatrixCases } from "./types";

// The audit log is not owned object by object: every caller its role admits gets an answer (a user's list is
// filtered to their own actions), so both routes are "any".
export const cases: MatrixCases = {
  listAuditRecords: { access: "any", prepare: () => Promise.resolve({ path: "/audit?limit=5" }) },
  verifyAuditChain: { access: "any", prepare: () => Promise.resolve({ path: "/audit/verify?max_rows=100" }) },
};
