import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { AuditRow } from "./audit-record";
import { auditStatement, isChainConflict } from "./audit-statement";
import { batchWithAudit, recordAudit } from "./batch-with-audit";
import { GENESIS_HASH } from "./chain-hash";
import { entry, projectInsert } from "./test-entries";
import { verifyAuditChain } from "./verify-chain";

const db = env.DB;
const rows = async (): Promise<AuditRow[]> => (await db.prepare("SELECT * FROM audit_log ORDER BY seq").all<AuditRow>()).results;
const projectExists = async (id: string): Promise<boolean> => (await db.prepare("SELECT 1 FROM projects WHERE id = ?").bind(id).first()) !== null;

describe("audit log: a hash chain written in the same batch as the change", () => {
  it("starts at seq 1 from the genesis hash, links every record to the previous one, and verifies", async () => {
    for (let n = 1; n <= 5; n++) await recordAudit(db, entry(n));
    const all = await rows();
    expect(all.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(all[0]?.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < all.length; i++) expect(all[i]?.prev_hash).toBe(all[i - 1]?.hash);
    expect(all[0]).toMatchObject({ id: expect.stringMatching(/^aud_[0-9A-Za-z]+$/) as unknown, actor_role: "admin", outcome: "ok", ip: "203.0.113.7", request_id: "req_1", after: "{\"budget_usd\":\"2\"}" });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 5, lastSeq: 5, lastHash: all[4]?.hash, complete: true });
    const partial = await verifyAuditChain(db, { maxRows: 3, pageSize: 2 });
    expect(partial).toEqual({ ok: true, count: 3, lastSeq: 3, lastHash: all[2]?.hash, complete: false });
    if (partial.ok) expect(await verifyAuditChain(db, { from: { seq: partial.lastSeq, hash: partial.lastHash } })).toMatchObject({ ok: true, count: 2, lastSeq: 5, complete: true });
  });

  it("commits a change and its record together, and neither when the record lost the race for the head", async () => {
    const first = await auditStatement(db, entry(10, { action: "project.create", targetId: "prj_a" }));
    const stale = await auditStatement(db, entry(11, { action: "project.create", targetId: "prj_b" })); // same head as `first`
    await db.batch([projectInsert(db, "prj_a"), first]);
    const lost = await db.batch([projectInsert(db, "prj_b"), stale]).then(() => null, (error: unknown) => error);
    expect(isChainConflict(lost)).toBe(true);
    expect([await projectExists("prj_a"), await projectExists("prj_b")]).toEqual([true, false]);
    const fresh = await auditStatement(db, entry(11, { action: "project.create", targetId: "prj_b" }));
    await db.batch([projectInsert(db, "prj_b"), fresh]);
    expect(await projectExists("prj_b")).toBe(true);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: 7 });
  });

  it("stays one line under 20 concurrent audited changes: every change committed once, seqs dense, chain valid", async () => {
    const start = (await rows()).length;
    const ids = Array.from({ length: 20 }, (_, i) => `prj_c${i}`);
    let builds = 0;
    const change = (id: string) => () => { builds++; return [projectInsert(db, id)]; };
    await Promise.all(ids.map((id, i) => batchWithAudit(db, entry(100 + i, { action: "project.create", targetType: "project", targetId: id }), change(id))));
    expect(builds).toBeGreaterThan(20); // the writers did collide, and the losers were rebuilt and retried
    const all = await rows();
    expect(all.map((r) => r.seq)).toEqual(Array.from({ length: start + 20 }, (_, i) => i + 1));
    expect(new Set(all.map((r) => r.prev_hash)).size).toBe(all.length);
    expect(all.slice(start).map((r) => r.target_id).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await projectExists(id)).toBe(true);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: start + 20 });
  });

  it("records denied and failed actions, anonymous callers included", async () => {
    await recordAudit(db, { actorId: null, actorRole: "anonymous", action: "auth.login", outcome: "failed", targetType: "user", targetId: null, ip: "198.51.100.9", requestId: "req_login" });
    await recordAudit(db, { actorId: "usr_viewer", actorRole: "viewer", action: "agent.delete", outcome: "denied", targetType: "agent", targetId: "agt_1", after: { reason: "FORBIDDEN" } });
    const last = (await rows()).slice(-2);
    expect(last.map((r) => [r.action, r.outcome, r.actor_id, r.before])).toEqual([["auth.login", "failed", null, null], ["agent.delete", "denied", "usr_viewer", null]]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("is append-only for the application, and the database itself refuses a fork", async () => {
    await expect(db.prepare("UPDATE audit_log SET action = 'x.y' WHERE seq = 1").run()).rejects.toThrow(/append-only/);
    await expect(db.prepare("DELETE FROM audit_log WHERE seq = 1").run()).rejects.toThrow(/append-only/);
    const head = await db.prepare("SELECT prev_hash FROM audit_log ORDER BY seq DESC LIMIT 1").first<{ prev_hash: string }>();
    const fork = db.prepare("INSERT INTO audit_log (seq, id, at, actor_role, action, outcome, prev_hash, hash) VALUES (10000, 'aud_fork', 'now', 'admin', 'x.y', 'ok', ?, 'h')").bind(head?.prev_hash ?? "");
    await expect(fork.run()).rejects.toThrow(/UNIQUE constraint failed: audit_log.prev_hash/);
    await expect(recordAudit(db, entry(1, { action: "Not An Action" }))).rejects.toThrow(/noun\.verb/);
  });
});
