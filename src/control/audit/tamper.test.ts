import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AuditRow } from "./audit-record";
import { recordAudit } from "./batch-with-audit";
import { chainHash } from "./chain-hash";
import { entry } from "./test-entries";
import { verifyAuditChain } from "./verify-chain";

const db = env.DB;
const sql = async (query: string, ...values: unknown[]): Promise<void> => { await db.prepare(query).bind(...values).run(); };
const row = async (seq: number): Promise<AuditRow> => {
  const found = await db.prepare("SELECT * FROM audit_log WHERE seq = ?").bind(seq).first<AuditRow>();
  if (found === null) throw new Error(`no record ${seq}`);
  return found;
};

// An attacker with direct D1 access: the append-only triggers go first, then the records are changed in place.
beforeAll(async () => {
  await sql("DROP TRIGGER audit_log_no_update");
  await sql("DROP TRIGGER audit_log_no_delete");
});

beforeEach(async () => {
  await sql("DELETE FROM audit_log");
  for (let n = 1; n <= 6; n++) await recordAudit(db, entry(n));
  expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: 6, lastSeq: 6 });
});

describe("verifyAuditChain finds the first tampered record", () => {
  it("an edited record, at that record", async () => {
    await sql("UPDATE audit_log SET after = ? WHERE seq = 4", "{\"budget_usd\":\"9999\"}");
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, seq: 4, reason: expect.stringContaining("edited") as unknown, checked: 3 });
  });

  it("an edited record whose own hash was recomputed, at the next record", async () => {
    const forged = { ...(await row(4)), outcome: "denied" };
    await sql("UPDATE audit_log SET outcome = 'denied', hash = ? WHERE seq = 4", await chainHash(forged)); // `hash` is not hashed
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, seq: 5, reason: expect.stringContaining("prev_hash") as unknown });
  });

  it("a deleted record, at the missing seq", async () => {
    await sql("DELETE FROM audit_log WHERE seq = 3");
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, seq: 3, reason: expect.stringContaining("missing") as unknown });
  });

  it("two records swapped (their seqs exchanged), at the first of them", async () => {
    await sql("UPDATE audit_log SET seq = -2 WHERE seq = 2");
    await sql("UPDATE audit_log SET seq = 2 WHERE seq = 5");
    await sql("UPDATE audit_log SET seq = 5 WHERE seq = -2");
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, seq: 2 });
  });

  it("a record slipped in before the first, and breaks found across pages", async () => {
    await sql("UPDATE audit_log SET action = 'agent.delete' WHERE seq = 5");
    expect(await verifyAuditChain(db, { pageSize: 2 })).toMatchObject({ ok: false, seq: 5, checked: 4 });
    const first = await row(1);
    await sql("INSERT INTO audit_log (seq, id, at, actor_role, action, outcome, prev_hash, hash) VALUES (0, 'aud_x', ?, 'admin', 'x.y', 'ok', 'p', 'h')", first.at);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, seq: 0, reason: expect.stringContaining("out of sequence") as unknown });
  });

  it("a cut-off tail leaves a valid chain: only the witnessed head (the iron.audit log line) shows it", async () => {
    const head = await row(6);
    await sql("DELETE FROM audit_log WHERE seq = 6");
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: true, count: 5, lastSeq: 5 });
    expect(report.ok && report.lastHash).not.toBe(head.hash);
  });
});
