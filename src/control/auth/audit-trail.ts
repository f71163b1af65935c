import type { AuditEntry } from "../audit/audit-record";

/**
 * Who asked for a change, from where, in which request, under which audit action: the caller's part of the one
 * audit record an account operation writes in the same D1 batch as its change (the operation adds the target,
 * the outcome and the before/after state). Routes build it with `auditBy(c, actor, requestId)` + their action.
 */
export type AuditTrail = Pick<AuditEntry, "actorId" | "actorRole" | "ip" | "requestId" | "action">;

/** Changes made by Iron itself, not by a caller (the first admin created from deploy-time secrets). */
export function systemTrail(action: string): AuditTrail {
  return { actorId: null, actorRole: "system", ip: null, requestId: null, action };
}
