import type { AuditActorRole, AuditEntry } from "../../audit/audit-record";
import type { Actor } from "../../openapi/roles";
import type { ControlContext } from "../../openapi/route";

export type AuditBy = Pick<AuditEntry, "actorId" | "actorRole" | "ip" | "requestId">;

/** Who did it, from where, in which request: the common part of a control-API audit entry. */
export function auditBy(c: ControlContext, actor: Actor | null, requestId: string): AuditBy {
  const role: AuditActorRole = actor === null ? "anonymous" : actor.role;
  return { actorId: actor?.id ?? null, actorRole: role, ip: clientIp(c), requestId };
}

/** The client's address as Cloudflare saw it (`cf-connecting-ip`); null locally without one. */
export function clientIp(c: ControlContext): string | null {
  return c.req.header("cf-connecting-ip") ?? null;
}

/** A drizzle query as a D1 statement, so it can join a `batchWithAudit` batch with raw statements. */
export function drizzleStatement(db: D1Database, query: { toSQL(): { sql: string; params: unknown[] } }): D1PreparedStatement {
  const { sql, params } = query.toSQL();
  return db.prepare(sql).bind(...params);
}
