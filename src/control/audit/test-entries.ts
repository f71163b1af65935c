// Shared by this folder's tests.
import type { AuditEntry } from "./audit-record";

export function entry(n: number, extra: Partial<AuditEntry> = {}): AuditEntry {
  return {
    actorId: "usr_admin", actorRole: "admin", action: "agent.update", targetType: "agent", targetId: `agt_${n}`, outcome: "ok",
    before: { budget_usd: String(n) }, after: { budget_usd: String(n + 1) }, ip: "203.0.113.7", requestId: `req_${n}`, ...extra,
  };
}

export function projectInsert(db: D1Database, id: string): D1PreparedStatement {
  const now = new Date().toISOString();
  return db.prepare("INSERT INTO projects (id, name, budget_micros, created_at, updated_at) VALUES (?, ?, 0, ?, ?)").bind(id, id, now, now);
}
