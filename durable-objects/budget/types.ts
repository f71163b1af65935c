/** Contract of the AgentBudget Durable Object (one per agent). Amounts are integer micro-dollars. */
export type AgentStatus = "active" | "suspended" | "deleted";

export interface BudgetConfig {
  agentId: string;
  budgetMicros: number;
  status: AgentStatus;
  /** Hash of the agent's one live token; `null` when revoked. */
  tokenHash: string | null;
}

export interface ReserveInput {
  agentId: string;
  /** Hash of the token the caller presented; checked against the live one (revocation is immediate). */
  tokenHash: string;
  /** Idempotency key: request id + attempt. A repeated reserve returns the first answer. */
  reservationId: string;
  /** Upper bound of the prompt's cost. */
  inputMicros: number;
  /** Price of one million completion tokens (the dearest completion class). 0 for embeddings. */
  outputMicrosPerMillion: number;
  /** `max_tokens` the agent asked for, or `null`. */
  requestedMaxTokens: number | null;
  /** The model's own completion ceiling (used when the agent gave none). */
  modelMaxTokens: number;
  /** Smallest completion worth forwarding; below it the call is refused. 0 for embeddings. */
  minOutputTokens: number;
}

export type RefusalCode = "invalid_agent_token" | "agent_suspended" | "budget_exceeded";

export type ReserveResult =
  | { ok: true; reservationId: string; amountMicros: number; maxTokens: number; clamped: boolean; remainingMicros: number }
  | { ok: false; code: RefusalCode; remainingMicros: number };

export interface SettleInput {
  reservationId: string;
  /** What the provider billed (usage × price), or the whole reservation when usage is unknown. */
  costMicros: number;
  source: "provider" | "reservation";
}

export type SettleResult =
  | { ok: true; duplicate: boolean; costMicros: number; overrunMicros: number; remainingMicros: number }
  | { ok: false; reason: "unknown_reservation" };

export interface BudgetSnapshot {
  agentId: string;
  status: AgentStatus;
  budgetMicros: number;
  spentMicros: number;
  reservedMicros: number;
  remainingMicros: number;
  openReservations: number;
}
