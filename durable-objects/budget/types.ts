/**
 * Contract of the AgentBudget Durable Object (one per agent). Amounts are integer micro-dollars, times are
 * epoch milliseconds. Invariant, per pool and at every instant (overproduction by a provider aside):
 * `spent + reserved + leased_out ≤ limit`, where leased_out is the unspent headroom of open child leases.
 */
export type AgentStatus = "active" | "suspended" | "deleted";
export type DisconnectPolicy = "drain" | "bill_reservation";

export interface RateLimits {
  /** Requests per minute; `null` = unlimited. */
  requestsPerMinute: number | null;
  /** Tokens per minute (prompt bound + max_tokens while open, actual tokens once settled). */
  tokensPerMinute: number | null;
  /** Requests in flight at once. */
  concurrentRequests: number | null;
}

export const NO_LIMITS: RateLimits = { requestsPerMinute: null, tokensPerMinute: null, concurrentRequests: null };

export interface BudgetConfig {
  agentId: string;
  budgetMicros: number;
  status: AgentStatus;
  /** Hash of the agent's one live token; `null` when revoked (which also closes its leases). */
  tokenHash: string | null;
  limits?: RateLimits;
  disconnectPolicy?: DisconnectPolicy;
  /** The project whose budget this agent also spends from (slices lent by the project's budget object). */
  projectId?: string | null;
}

/** Who is spending: the agent's own budget (agent token) or one of its leases (lease token). */
export type Spender = { kind: "agent"; tokenHash: string } | { kind: "lease"; leaseTokenHash: string; agentTokenHash?: string };

export interface ReserveInput {
  agentId: string;
  spender: Spender;
  /** Idempotency key: request id + attempt. A repeated reserve returns the first answer. */
  reservationId: string;
  /** Upper bound of the prompt's cost. */
  inputMicros: number;
  /** Upper bound of the prompt in tokens (for tokens-per-minute limits). */
  inputTokens: number;
  /** Price of one million completion tokens (the dearest completion class, × choices). 0 for embeddings. */
  outputMicrosPerMillion: number;
  requestedMaxTokens: number | null;
  modelMaxTokens: number;
  minOutputTokens: number;
}

export type RefusalCode = "invalid_agent_token" | "agent_suspended" | "budget_exceeded" | "rate_limited" | "lease_closed";

export interface Grant {
  ok: true;
  reservationId: string;
  poolId: string;
  amountMicros: number;
  maxTokens: number;
  clamped: boolean;
  /** What remains in the pool spent from, after this reservation. */
  remainingMicros: number;
  /** The agent's own remaining budget (equal to `remainingMicros` when spending from it directly). */
  agentRemainingMicros: number;
  disconnectPolicy: DisconnectPolicy;
}

export type ReserveResult =
  | Grant
  | { ok: false; code: RefusalCode; remainingMicros: number; agentRemainingMicros: number; retryAfterSeconds?: number; poolId?: string };

export interface SettleInput {
  reservationId: string;
  /** What the provider billed (usage × price), or the whole reservation when usage is unknown. */
  costMicros: number;
  source: "provider" | "reservation" | "none";
  /** Tokens actually used (for tokens-per-minute accounting). */
  tokens: number;
  /** The audit record to deliver to D1 with this settlement (exactly once, batched). */
  record?: Record<string, unknown>;
}

export type SettleResult =
  | { ok: true; duplicate: boolean; late: boolean; costMicros: number; overrunMicros: number; remainingMicros: number }
  | { ok: false; reason: "unknown_reservation" };

export interface LeaseView {
  leaseId: string;
  parentId: string;
  state: "open" | "returned" | "expired" | "revoked";
  grantedMicros: number;
  spentMicros: number;
  reservedMicros: number;
  remainingMicros: number;
  expiresAt: number;
}

export interface OpenLeaseInput {
  agentId: string;
  /** The agent token, or a lease token of the parent lease for a nested lease. */
  spender: Spender;
  leaseId: string;
  leaseTokenHash: string;
  requestedMicros: number;
  ttlMs: number;
}

export type LeaseResult =
  | { ok: true; lease: LeaseView; agentRemainingMicros: number }
  | { ok: false; code: RefusalCode | "unknown_lease" | "lease_depth"; remainingMicros: number; agentRemainingMicros: number };

export interface BudgetSnapshot {
  agentId: string;
  status: AgentStatus;
  budgetMicros: number;
  spentMicros: number;
  reservedMicros: number;
  leasedOutMicros: number;
  remainingMicros: number;
  openReservations: number;
  openLeases: number;
  overrunMicros: number;
}
