import { constantTimeEqual } from "../../src/tokens/constant-time";
import { poolByToken, readPool, rootPool, type Pool } from "./pools";
import type { Settings } from "./settings";
import type { RefusalCode, Spender } from "./types";

/**
 * Which pool a spender may spend from, checked against the live token hashes and the agent's status.
 * The agent token spends from the agent's own budget; a lease token from its (open, unexpired) lease.
 */
export function resolveSpender(sql: SqlStorage, settings: Settings, spender: Spender, now: number): Pool | RefusalCode {
  if (settings.status === "deleted") return "invalid_agent_token";
  if (spender.kind === "agent" || spender.agentTokenHash !== undefined) {
    const presented = spender.kind === "agent" ? spender.tokenHash : (spender.agentTokenHash ?? "");
    if (settings.tokenHash === null || !constantTimeEqual(settings.tokenHash, presented)) return "invalid_agent_token";
  }
  if (settings.status === "suspended") return "agent_suspended";
  if (spender.kind === "agent") return rootPool(sql) ?? "invalid_agent_token";
  const lease = poolByToken(sql, spender.leaseTokenHash);
  if (lease === null) return "invalid_agent_token";
  // The lease and every lease it is nested in must be open and unexpired (the sweep may not have run yet).
  for (let pool: Pool | null = lease; pool !== null && pool.parentId !== null; pool = readPool(sql, pool.parentId)) {
    if (pool.state !== "open" || (pool.expiresAt !== null && pool.expiresAt <= now)) return "lease_closed";
  }
  return lease;
}

export function isRefusalCode(value: Pool | RefusalCode): value is RefusalCode {
  return typeof value === "string";
}
