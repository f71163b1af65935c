import { drizzle } from "drizzle-orm/d1";
import { inArray } from "drizzle-orm";
import { newId, nowIso } from "../../db/ids";
import { agents, agentTokens, providers, type AgentRow } from "../../db/schema";
import { refuse, type Refusal } from "../../errors/refusal";
import { generateToken, hashToken, tokenLabel } from "../../tokens/opaque-token";
import { agentView, type AgentView } from "./agent-view";
import { budgetStub } from "./budget-stub";
import { budgetConfigOf } from "./load-agent";

export interface CreateAgentInput {
  name: string;
  budgetMicros: number;
  providerIds: string[];
  allowedModels?: string[] | null;
  ownerId?: string | null;
  projectId?: string | null;
}

/** Creates an agent and its one live agent token. The token is in the result once and is stored only as a hash. */
export async function createAgent(env: Env, input: CreateAgentInput): Promise<{ agent: AgentView; token: string } | Refusal> {
  if (!Number.isSafeInteger(input.budgetMicros) || input.budgetMicros < 0) {
    return refuse("invalid_request", "budget must be a non-negative amount", { field: "budget_usd" });
  }
  const db = drizzle(env.DB);
  if (input.providerIds.length > 0) {
    const found = await db.select({ id: providers.id }).from(providers).where(inArray(providers.id, input.providerIds));
    const missing = input.providerIds.filter((id) => !found.some((row) => row.id === id));
    if (missing.length > 0) return refuse("invalid_request", `unknown provider: ${missing.join(", ")}`, { field: "provider_ids" });
  }
  const now = nowIso();
  const row: AgentRow = {
    id: newId("agt"),
    name: input.name,
    ownerId: input.ownerId ?? null,
    projectId: input.projectId ?? null,
    status: "active",
    budgetMicros: input.budgetMicros,
    providerIds: input.providerIds,
    allowedModels: input.allowedModels ?? null,
    rpmLimit: null,
    tpmLimit: null,
    concurrencyLimit: null,
    disconnectPolicy: "drain",
    createdAt: now,
    updatedAt: now,
  };
  const token = generateToken("ic_");
  const tokenHash = await hashToken(token);
  await db.batch([
    db.insert(agents).values(row),
    db.insert(agentTokens).values({ id: newId("atk"), agentId: row.id, tokenHash, label: tokenLabel(token, "ic_"), createdAt: now, revokedAt: null }),
  ]);
  const snapshot = await budgetStub(env, row.id).configure(budgetConfigOf(row, tokenHash));
  return { agent: agentView(row, snapshot), token };
}
