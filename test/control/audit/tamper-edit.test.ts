import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditRow } from "../../../src/control/audit/audit-record";
import { chainHash } from "../../../src/control/audit/chain-hash";
import { controlJson, makePerson, type Person } from "../../helpers/control";
import { dropAppendOnlyTriggers, record, sql, type AuditPage, type ChainReportJson } from "./helpers";

let admin: Person;
const verify = async (): Promise<ChainReportJson> => (await controlJson<ChainReportJson>("GET", "/audit/verify", { token: admin.token })).body;
const row = async (seq: number): Promise<AuditRow> => {
  const found = await env.DB.prepare("SELECT * FROM audit_log WHERE seq = ?").bind(seq).first<AuditRow>();
  if (found === null) throw new Error(`no record ${seq}`);
  return found;
};

// Someone with direct D1 access: the append-only triggers go first, then records are changed in place.
beforeAll(async () => {
  admin = await makePerson("admin");
  for (let n = 1; n <= 6; n++) await record({ targetId: `agt_e${n}`, after: { budget_usd: `${n}.000000` } });
  expect(await verify()).toMatchObject({ ok: true, checked: 6, last_seq: 6 });
  await dropAppendOnlyTriggers();
});

describe("an edited audit record is found by GET /audit/verify", () => {
  it("at that record, when its `after` JSON was changed", async () => {
    const original = (await row(4)).after;
    await sql("UPDATE audit_log SET after = ? WHERE seq = 4", "{\"budget_usd\":\"9999.000000\"}");
    const listed = await controlJson<AuditPage>("GET", "/audit?target_id=agt_e4", { token: admin.token });
    expect(listed.body.data[0]?.after).toEqual({ budget_usd: "9999.000000" }); // the list shows what is stored…
    expect(await verify()).toMatchObject({ ok: false, first_break: { seq: 4, reason: expect.stringContaining("edited") as unknown }, checked: 3 });
    await sql("UPDATE audit_log SET after = ? WHERE seq = 4", original);
    expect(await verify()).toMatchObject({ ok: true, checked: 6 }); // …and the chain vouches only for the original
  });

  it("at the next record, when the edited record's own hash was recomputed", async () => {
    const forged = { ...(await row(2)), outcome: "denied" };
    await sql("UPDATE audit_log SET outcome = 'denied', hash = ? WHERE seq = 2", await chainHash(forged));
    expect(await verify()).toMatchObject({ ok: false, first_break: { seq: 3, reason: expect.stringContaining("prev_hash") as unknown }, checked: 2 });
  });
});
