import { findAgentByTokenHash } from "../gateway/agent-directory";
import { leaseTokenAgent } from "../tokens/lease-token";
import { hashToken, hasValidChecksum } from "../tokens/opaque-token";
import type { Spender } from "../../durable-objects/budget/types";

/** The key a budget call presents: in the body (`agent_token` / `lease_token`) or as `Authorization: Bearer`. */
export function presentedKey(headers: Headers, bodyKey: unknown): string | null {
  if (typeof bodyKey === "string" && bodyKey !== "") return bodyKey.trim();
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return match?.[1] ?? headers.get("x-api-key")?.trim() ?? null;
}

/** An agent token (or a lease token, for nested leases) → the agent and the spender the lease is taken from. */
export async function leaseParent(env: Env, key: string): Promise<{ agentId: string; spender: Spender } | null> {
  if (key.startsWith("icl_")) {
    const agentId = leaseTokenAgent(key);
    return agentId === null ? null : { agentId, spender: { kind: "lease", leaseTokenHash: await hashToken(key) } };
  }
  if (!hasValidChecksum(key, "ic_")) return null;
  const tokenHash = await hashToken(key);
  const agent = await findAgentByTokenHash(env, tokenHash);
  return agent === null ? null : { agentId: agent.agentId, spender: { kind: "agent", tokenHash } };
}

/** A lease token → its agent and the token's hash. */
export async function leaseKey(key: string | null): Promise<{ agentId: string; leaseTokenHash: string } | null> {
  if (key === null) return null;
  const agentId = leaseTokenAgent(key);
  return agentId === null ? null : { agentId, leaseTokenHash: await hashToken(key) };
}
