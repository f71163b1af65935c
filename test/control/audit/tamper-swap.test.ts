import { beforeAll, describe, expect, it } from "vitest";
import { controlJson, makePerson, type Person } from "../../helpers/control";
import { dropAppendOnlyTriggers, record, sql, type ChainReportJson } from "./helpers";

let admin: Person;
const verify = async (): Promise<ChainReportJson> => (await controlJson<ChainReportJson>("GET", "/audit/verify", { token: admin.token })).body;

beforeAll(async () => {
  admin = await makePerson("admin");
  for (let n = 1; n <= 6; n++) await record({ targetId: `agt_s${n}` });
  expect(await verify()).toMatchObject({ ok: true, checked: 6 });
  await dropAppendOnlyTriggers();
});

describe("reordered audit records are found by GET /audit/verify", () => {
  it("two records with their seqs swapped: at the first of them", async () => {
    await sql("UPDATE audit_log SET seq = -2 WHERE seq = 2");
    await sql("UPDATE audit_log SET seq = 2 WHERE seq = 5");
    await sql("UPDATE audit_log SET seq = 5 WHERE seq = -2");
    expect(await verify()).toMatchObject({ ok: false, first_break: { seq: 2, reason: expect.stringContaining("prev_hash") as unknown }, checked: 1 });
  });
});
