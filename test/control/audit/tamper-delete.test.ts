import { beforeAll, describe, expect, it } from "vitest";
import { controlJson, makePerson, type Person } from "../../helpers/control";
import { dropAppendOnlyTriggers, record, sql, type ChainReportJson } from "./helpers";

let admin: Person;
const verify = async (): Promise<ChainReportJson> => (await controlJson<ChainReportJson>("GET", "/audit/verify", { token: admin.token })).body;

beforeAll(async () => {
  admin = await makePerson("admin");
  for (let n = 1; n <= 6; n++) await record({ targetId: `agt_d${n}` });
  expect(await verify()).toMatchObject({ ok: true, checked: 6 });
  await dropAppendOnlyTriggers();
});

describe("a deleted audit record is found by GET /audit/verify", () => {
  it("at the missing seq", async () => {
    await sql("DELETE FROM audit_log WHERE seq = 3");
    expect(await verify()).toMatchObject({ ok: false, first_break: { seq: 3, reason: expect.stringContaining("missing") as unknown }, checked: 2 });
  });

  it("and when the later records were renumbered to close the gap, at the first renumbered one", async () => {
    for (let seq = 4; seq <= 6; seq++) await sql("UPDATE audit_log SET seq = ? WHERE seq = ?", seq - 1, seq);
    expect(await verify()).toMatchObject({ ok: false, first_break: { seq: 3 }, checked: 2 });
  });
});
