import { refuse, type Refusal } from "../errors/refusal";
import { hashToken, hasValidChecksum } from "../tokens/opaque-token";
import { findAgentByTokenHash, type AgentRecord } from "./agent-directory";

export interface Caller {
  agent: AgentRecord;
  tokenHash: string;
}

const INVALID = "Invalid agent token. Use the `ic_…` token Iron issued for this agent (Authorization: Bearer, or x-api-key).";

/**
 * Reads the agent token from `Authorization: Bearer` or `x-api-key`, rejects a bad checksum before any
 * lookup, and resolves the agent. Whether the token is still live is decided by the budget object.
 */
export async function authenticate(env: Env, headers: Headers): Promise<Caller | Refusal> {
  const token = presentedToken(headers);
  if (token === null || !hasValidChecksum(token, "ic_")) return refuse("invalid_agent_token", INVALID);
  const tokenHash = await hashToken(token);
  const agent = await findAgentByTokenHash(env, tokenHash);
  if (agent === null) return refuse("invalid_agent_token", INVALID);
  return { agent, tokenHash };
}

function presentedToken(headers: Headers): string | null {
  const auth = headers.get("authorization");
  if (auth !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return match?.[1] ?? null;
  }
  return headers.get("x-api-key")?.trim() ?? null;
}
