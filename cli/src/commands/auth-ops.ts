import type { OperationId } from "../api.js";
import type { NotCliOperations } from "./spec.js";

/** Operations served by hand-written commands (src/commands/auth.ts, src/tail.ts) or by the client itself. */
export const SPECIAL_OPERATIONS: Readonly<Partial<Record<OperationId, string>>> = {
  login: "iron login",
  logout: "iron logout",
  getMe: "iron whoami",
  changeOwnPassword: "iron password",
  setupFirstAdmin: "iron setup",
  refreshSession: "the client refreshes the login session transparently",
};

/** Agent-facing operations: agents call them with their own token; an operator has no use for them in a terminal. */
export const NOT_CLI_OPERATIONS: NotCliOperations = {
  openBudgetLease: "agent-facing budget lease protocol (called with an agent token by SDKs)",
  refreshBudgetLease: "agent-facing budget lease protocol",
  reportBudgetUsage: "agent-facing budget lease protocol",
  returnBudgetLease: "agent-facing budget lease protocol",
  getBudgetLease: "agent-facing budget lease protocol",
};
