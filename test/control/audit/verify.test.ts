import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { controlFetch, controlJson, makePerson, type ErrorJson, type Person } from "../../helpers/control";
import { record, type ChainReportJson } from "./helpers";

let admin: Person;
let viewer: Person;
let user: Person;

const count = async (): Promise<number> => (await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log").first<{ n: number }>())?.n ?? -1;
const head = async (): Promise<{ seq: number; hash: string }> => {
  const row = await env.DB.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first<{ seq: number; hash: string }>();
  if (row === null) throw new Error("empty chain");
  return row;
};
const verify = (query = "") => controlJson<ChainReportJson>("GET", `/audit/verify${query}`, { token: admin.token });

beforeAll(async () => {
  [admin, viewer, user] = await Promise.all([makePerson("admin"), makePerson("viewer"), makePerson("user")]);
  for (let n = 0; n < 6; n++) await record({ targetId: `agt_v${n}` });
});

describe("GET /audit/verify: recompute the hash chain", () => {
  it("reports an intact chain with its head, and writes nothing", async () => {
    const before = await count();
    const { status, body } = await verify();
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true, checked: before, last_seq: (await head()).seq, last_hash: (await head()).hash, complete: true });
    expect(await count()).toBe(before);
  });

  it("stops after max_rows and continues from the checkpoint it returned", async () => {
    const total = await count();
    const first = await verify("?max_rows=2");
    expect(first.body).toMatchObject({ ok: true, checked: 2, last_seq: 2, complete: false });
    if (!first.body.ok) throw new Error("unreachable");
    const rest = await verify(`?from_seq=${first.body.last_seq}&from_hash=${first.body.last_hash}`);
    expect(rest.body).toEqual({ ok: true, checked: total - 2, last_seq: (await head()).seq, last_hash: (await head()).hash, complete: true });
    const wrongCheckpoint = await verify(`?from_seq=2&from_hash=${"a".repeat(64)}`);
    expect(wrongCheckpoint.body).toMatchObject({ ok: false, first_break: { seq: 3 }, checked: 0 });
  });

  it("validates its parameters", async () => {
    const alone = await controlJson<ErrorJson>("GET", "/audit/verify?from_seq=2", { token: admin.token });
    expect([alone.status, alone.body.error.fields]).toEqual([400, { "query.from_hash": expect.any(String) as unknown }]);
    const bad = await controlJson<ErrorJson>("GET", "/audit/verify?max_rows=20001&from_hash=xyz&from_seq=-1", { token: admin.token });
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(["query.from_hash", "query.from_seq", "query.max_rows"]);
  });

  it("is for admins only; a refused caller is audited as denied", async () => {
    expect((await controlFetch("GET", "/audit/verify")).status).toBe(401);
    expect((await controlFetch("GET", "/audit/verify", { token: user.token })).status).toBe(403);
    const refused = await controlFetch("GET", "/audit/verify", { token: viewer.token });
    expect(refused.status).toBe(403);
    const rows = await env.DB.prepare("SELECT actor_id, outcome FROM audit_log WHERE request_id = ?").bind(refused.headers.get("x-request-id")).all();
    expect(rows.results).toEqual([{ actor_id: viewer.id, outcome: "denied" }]);
    expect((await verify()).body.ok).toBe(true); // denied records are chained like any other
  });
});
