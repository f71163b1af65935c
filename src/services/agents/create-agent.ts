import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { newId, nowIso } from "../../db/ids";
import { agents, agentTokens, projects, type AgentRow } from "../../db/schema";
import { refuse, type Refusal } from "../../errors/refusal";
import { budgetChangeStatement } from "../../control/routes/shared/budget-change";
import { drizzleStatement } from "../../control/routes/shared/audit-context";
import { generateToken, hashToken, tokenLabel } from "../../tokens/opaque-token";
import { NO_LIMITS, type BudgetSnapshot, type DisconnectPolicy, type RateLimits } from "../../../durable-objects/budget/types";
import { auditOrSystem, commitAgentChange, type AgentServiceOptions } from "./agent-audit";
import { agentState, agentView, type AgentView } from "./agent-view";
import { budgetStub } from "./budget-stub";
import { checkLimits, checkProviders } from "./check-agent-input";
import { budgetConfigOf, type LiveToken } from "./load-agent";

export interface CreateAgentInput {
  name: string;
  budgetMicros: number;
  providerIds: string[];
  allowedModels?: string[] | null;
  ownerId?: string | null;
  projectId?: string | null;
  limits?: RateLimits;
  disconnectPolicy?: DisconnectPolicy;
}

export interface CreatedAgent {
  agent: AgentView;
  /** The agent token, in this result only; stored as a hash. */
  token: string;
  row: AgentRow;
  liveToken: LiveToken;
  snapshot: BudgetSnapshot;
}

/**
 * Creates an agent and its one live agent token. D1 first (agent, token hash, the budget history's `create` row and
 * the audit record, in one batch), then the budget object; were that push lost, the object
 * loads its config from D1 on first use. The token is in the result once and never in the audit record.
 */
export async function createAgent(env: Env, input: CreateAgentInput, options: AgentServiceOptions = {}): Promise<CreatedAgent | Refusal> {
  if (!Number.isSafeInteger(input.budgetMicros) || input.budgetMicros < 0) {
    return refuse("invalid_request", "budget must be a non-negative amount", { field: "budget_usd" });
  }
  const invalid = checkLimits(input.limits) ?? (await checkProviders(env, input.providerIds));
  if (invalid !== null) return invalid;
  const db = drizzle(env.DB);
  if (input.projectId != null) {
    const project = (await db.select({ id: projects.id }).from(projects).where(eq(projects.id, input.projectId)).limit(1))[0];
    if (project === undefined) return refuse("invalid_request", "unknown project", { field: "project_id" });
  }
  const audit = auditOrSystem(options, "agent.create");
  const now = nowIso();
  const limits = input.limits ?? NO_LIMITS;
  const row: AgentRow = {
    id: newId("agt"),
    name: input.name,
    ownerId: input.ownerId ?? null,
    projectId: input.projectId ?? null,
    status: "active",
    budgetMicros: input.budgetMicros,
    providerIds: input.providerIds,
    allowedModels: input.allowedModels ?? null,
    rpmLimit: limits.requestsPerMinute,
    tpmLimit: limits.tokensPerMinute,
    concurrencyLimit: limits.concurrentRequests,
    disconnectPolicy: input.disconnectPolicy ?? "drain",
    createdAt: now,
    updatedAt: now,
  };
  const token = generateToken("ic_");
  const liveToken: LiveToken = { hash: await hashToken(token), label: tokenLabel(token, "ic_"), createdAt: now };
  const after = { id: row.id, ...agentState(row), token_label: liveToken.label };
  await commitAgentChange(env, row.id, audit, { before: null, after }, () => [
    drizzleStatement(env.DB, db.insert(agents).values(row)),
    drizzleStatement(env.DB, db.insert(agentTokens).values({ id: newId("atk"), agentId: row.id, tokenHash: liveToken.hash, label: liveToken.label, createdAt: now, revokedAt: null })),
    budgetChangeStatement(env.DB, { targetType: "agent", targetId: row.id, oldMicros: null, newMicros: row.budgetMicros, source: "create", actorId: audit.actorId }),
  ]);
  const snapshot = await budgetStub(env, row.id).configure(budgetConfigOf(row, liveToken.hash));
  return { agent: agentView(row, snapshot), token, row, liveToken, snapshot };
}
