import { refuse, type Refusal } from "../errors/refusal";
import { leaseTokenAgent } from "../tokens/lease-token";
import { hashToken, hasValidChecksum } from "../tokens/opaque-token";
import type { Spender } from "../../durable-objects/budget/types";
import { findAgentById, findAgentByTokenHash, type AgentRecord } from "./agent-directory";

export interface Caller {
  agent: AgentRecord;
  /** What the budget object checks and spends from: the agent's own budget or a lease. */
  spender: Spender;
}

const INVALID = "Invalid agent token. Use the `ic_…` token Iron issued for this agent, or an `icl_…` lease token (Authorization: Bearer, or x-api-key).";

/**
 * Reads the key from `Authorization: Bearer` or `x-api-key`: an agent token (`ic_…`) or a lease token (`icl_…`).
 * Bad shapes and checksums are rejected before any lookup. `x-iron-lease` with an agent token spends from that
 * lease of the same agent. Whether a token is still live is decided by the agent's budget object.
 */
export async function authenticate(env: Env, headers: Headers): Promise<Caller | Refusal> {
  const key = presentedKey(headers);
  if (key === null) return refuse("invalid_agent_token", INVALID);
  const leaseHeader = headers.get("x-iron-lease");
  if (key.startsWith("icl_")) return leaseCaller(env, key, undefined);
  if (!hasValidChecksum(key, "ic_")) return refuse("invalid_agent_token", INVALID);
  const tokenHash = await hashToken(key);
  if (leaseHeader !== null) return leaseCaller(env, leaseHeader.trim(), tokenHash);
  const agent = await findAgentByTokenHash(env, tokenHash);
  if (agent === null) return refuse("invalid_agent_token", INVALID);
  return { agent, spender: { kind: "agent", tokenHash } };
}

async function leaseCaller(env: Env, leaseToken: string, agentTokenHash: string | undefined): Promise<Caller | Refusal> {
  const agentId = leaseTokenAgent(leaseToken);
  if (agentId === null) return refuse("invalid_agent_token", "Invalid lease token (x-iron-lease or API key): check that it was copied whole.");
  const agent = await findAgentById(env, agentId);
  if (agent === null) return refuse("invalid_agent_token", INVALID);
  const leaseTokenHash = await hashToken(leaseToken);
  return { agent, spender: agentTokenHash === undefined ? { kind: "lease", leaseTokenHash } : { kind: "lease", leaseTokenHash, agentTokenHash } };
}

function presentedKey(headers: Headers): string | null {
  const auth = headers.get("authorization");
  if (auth !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return match?.[1] ?? null;
  }
  return headers.get("x-api-key")?.trim() ?? null;
}
