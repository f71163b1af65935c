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

/**
 * The lease token a lease call presents: `lease_token` in the body, else `x-iron-lease` (the header the gateway
 * reads next to an agent token, so a client that sends both still names its lease), else the bearer key.
 */
export function presentedLeaseKey(headers: Headers, bodyKey: unknown): string | null {
  if (typeof bodyKey === "string" && bodyKey !== "") return bodyKey.trim();
  const lease = headers.get("x-iron-lease")?.trim();
  return lease !== undefined && lease !== "" ? lease : presentedKey(headers, undefined);
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
