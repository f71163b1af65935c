import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditRow } from "../../../src/control/audit/audit-record";
import { controlFetch, controlJson, makePerson, type ErrorJson, type Person } from "../../helpers/control";
import { createTestAgent } from "../../helpers/fixtures";
import { nth, record, type AuditPage } from "./helpers";

const unique = (tag: string): string => `${tag}_${crypto.randomUUID().replaceAll("-", "")}`;
const ids = (page: AuditPage): string[] => page.data.map((item) => item.target.id ?? "");

let admin: Person;
let viewer: Person;
let user: Person;
let otherUser: Person;

beforeAll(async () => {
  [admin, viewer, user, otherUser] = await Promise.all([makePerson("admin"), makePerson("viewer"), makePerson("user"), makePerson("user")]);
});

const list = (query: string, person: Person = admin) => controlJson<AuditPage>("GET", `/audit${query}`, { token: person.token });

describe("GET /audit: query the audit log", () => {
  it("answers newest first, every field of the stored record, before/after as JSON", async () => {
    const target = unique("agt");
    await record({ actorId: user.id, actorRole: "user", action: "agent.create", targetId: target, before: undefined, after: { name: "a", api_key: "sk-not-really-a-key-123" } });
    await record({ actorId: user.id, actorRole: "user", action: "agent.update", targetId: target });
    const { status, body } = await list(`?target_id=${target}`);
    expect(status).toBe(200);
    expect(body.data.map((item) => item.action)).toEqual(["agent.update", "agent.create"]);
    expect(nth(body.data, 0).seq).toBeGreaterThan(nth(body.data, 1).seq);
    const stored = await env.DB.prepare("SELECT * FROM audit_log WHERE seq = ?").bind(nth(body.data, 1).seq).first<AuditRow>();
    if (stored === null) throw new Error("not stored");
    expect(nth(body.data, 1)).toEqual({
      seq: stored.seq, id: stored.id, at: stored.at, actor: { id: user.id, role: "user" }, action: "agent.create",
      target: { type: "agent", id: target }, outcome: "ok", before: null, after: JSON.parse(stored.after ?? "null") as unknown,
      ip: "203.0.113.7", request_id: stored.request_id, prev_hash: stored.prev_hash, hash: stored.hash,
    });
    expect(JSON.stringify(body)).not.toContain("sk-not-really");
    expect(body.pagination).toEqual({ next_cursor: null, limit: 50 });
  });

  it("filters by actor, action (exact or prefix), target, outcome, request id and time", async () => {
    const actor = unique("usr");
    const [a, b, c, d] = [unique("agt"), unique("agt"), unique("prov"), unique("agt")];
    await record({ actorId: actor, action: "agent.create", targetType: "agent", targetId: a, at: "2020-01-01T00:00:00.000Z" });
    await record({ actorId: actor, action: "agent.delete", targetType: "agent", targetId: b, outcome: "failed", at: "2020-01-02T00:00:00.000Z" });
    await record({ actorId: actor, action: "provider.create", targetType: "provider", targetId: c, requestId: `req_${c}`, at: "2020-01-03T00:00:00.000Z" });
    await record({ actorId: actor, action: "agents.x", targetType: "agent", targetId: d, outcome: "denied", at: "2020-01-04T00:00:00.000Z" });
    const by = async (query: string): Promise<string[]> => ids((await list(`?actor_id=${actor}&${query}`)).body).sort();
    expect(await by("limit=100")).toEqual([a, b, c, d].sort());
    expect(await by("action=agent.create")).toEqual([a]);
    expect(await by("action=agent.")).toEqual([a, b].sort()); // a prefix ends at the dot: `agents.x` is another noun
    expect(await by("action=agent.*")).toEqual([a, b].sort());
    expect(await by("target_type=provider")).toEqual([c]);
    expect(await by(`target_id=${b}`)).toEqual([b]);
    expect(await by("outcome=failed")).toEqual([b]);
    expect(await by("outcome=denied")).toEqual([d]);
    expect(await by(`request_id=req_${c}`)).toEqual([c]);
    expect(await by("from=2020-01-02T00:00:00Z&to=2020-01-04T00:00:00%2B00:00")).toEqual([b, c].sort());
    expect(await by("from=2020-01-02T01:00:00%2B01:00")).toEqual([b, c, d].sort()); // 00:00 UTC, inclusive
  });

  it("pages newest first with a cursor: each record once, in order, up to 100 a page", async () => {
    const actor = unique("usr");
    for (let n = 0; n < 7; n++) await record({ actorId: actor, targetId: `agt_page${n}` });
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?actor_id=${actor}&limit=3${cursor === null ? "" : `&cursor=${cursor}`}`;
      const { status, body } = await list(query);
      expect(status).toBe(200);
      expect(body.data.length).toBeLessThanOrEqual(3);
      seen.push(...body.data.map((item) => item.seq));
      cursor = body.pagination.next_cursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual([...seen].sort((x, y) => y - x));
    expect(new Set(seen).size).toBe(7);
    expect((await list(`?actor_id=${actor}&limit=100`)).status).toBe(200);
    const tooMany = await controlJson<ErrorJson>("GET", "/audit?limit=101", { token: admin.token });
    expect([tooMany.status, Object.keys(tooMany.body.error.fields ?? {})]).toEqual([400, ["query.limit"]]);
    const badCursor = await controlJson<ErrorJson>("GET", "/audit?cursor=bm9wZQ", { token: admin.token });
    expect([badCursor.status, badCursor.body.error.fields]).toEqual([400, { "query.cursor": expect.any(String) as unknown }]);
    const unknown = await controlJson<ErrorJson>("GET", "/audit?actor=x&action=Agent", { token: admin.token });
    expect(Object.keys(unknown.body.error.fields ?? {}).sort()).toEqual(["query.action", "query.actor"]);
  });

  it("follow mode: after_seq answers only newer records, oldest first, and the next poll picks up new ones", async () => {
    const actor = unique("usr");
    await record({ actorId: actor, targetId: "agt_f0" });
    const start = nth((await list(`?actor_id=${actor}`)).body.data, 0).seq;
    for (let n = 1; n <= 4; n++) await record({ actorId: actor, targetId: `agt_f${n}` });
    await record({ actorId: unique("usr"), targetId: "agt_someone_else" });
    const first = await list(`?actor_id=${actor}&after_seq=${start}&limit=3`);
    expect(first.status).toBe(200);
    expect(ids(first.body)).toEqual(["agt_f1", "agt_f2", "agt_f3"]);
    expect(first.body.pagination.next_cursor).toBeNull();
    const last = nth(first.body.data, 2).seq;
    expect(ids((await list(`?actor_id=${actor}&after_seq=${last}`)).body)).toEqual(["agt_f4"]);
    expect((await list(`?actor_id=${actor}&after_seq=${last + 100_000}`)).body.data).toEqual([]);
    await record({ actorId: actor, targetId: "agt_f5" });
    const newest = nth((await list(`?actor_id=${actor}&limit=1`)).body.data, 0).seq;
    expect(ids((await list(`?actor_id=${actor}&after_seq=${newest - 1}`)).body)).toEqual(["agt_f5"]);
    const both = await controlJson<ErrorJson>("GET", `/audit?after_seq=1&cursor=${encodeURIComponent(btoa("[5]"))}`, { token: admin.token });
    expect([both.status, Object.keys(both.body.error.fields ?? {})]).toEqual([400, ["query.after_seq"]]);
  });

  it("a user sees only records of their own actions; viewers and admins see everyone's", async () => {
    const target = unique("agt");
    await record({ actorId: user.id, actorRole: "user", targetId: target });
    await record({ actorId: otherUser.id, actorRole: "user", targetId: target });
    const actorsFor = async (person: Person, query = ""): Promise<(string | null)[]> =>
      (await list(`?target_id=${target}${query}`, person)).body.data.map((item) => item.actor.id);
    expect(await actorsFor(user)).toEqual([user.id]);
    expect(await actorsFor(otherUser)).toEqual([otherUser.id]);
    expect(await actorsFor(user, `&actor_id=${otherUser.id}`)).toEqual([]);
    expect(await actorsFor(user, "&after_seq=0")).toEqual([user.id]);
    expect(await actorsFor(viewer)).toEqual([otherUser.id, user.id]);
    expect(await actorsFor(admin)).toEqual([otherUser.id, user.id]);
    expect((await controlFetch("GET", "/audit")).status).toBe(401);
  });

  it("denied calls are records too: a viewer on an admin route, a bad token", async () => {
    const forbidden = await controlFetch("GET", "/audit/verify", { token: viewer.token });
    expect(forbidden.status).toBe(403);
    const requestId = forbidden.headers.get("x-request-id");
    const found = (await list(`?request_id=${requestId}&outcome=denied`)).body.data;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ actor: { id: viewer.id, role: "viewer" }, action: "api.verify_audit_chain", outcome: "denied", after: { error: "FORBIDDEN", path: "/api/v1/audit/verify" } });

    const badToken = await controlFetch("GET", "/audit", { token: "not-a-token" });
    expect(badToken.status).toBe(401);
    const anonymous = (await list(`?request_id=${badToken.headers.get("x-request-id")}`)).body.data;
    expect(anonymous).toMatchObject([{ actor: { id: null, role: "anonymous" }, outcome: "denied", after: { error: "INVALID_TOKEN" } }]);
    expect((await list(`?request_id=${requestId}`, viewer)).body.data).toHaveLength(1);
    expect((await list(`?request_id=${requestId}`, user)).body.data).toEqual([]); // not the user's action
  });

  it("a refused change names the object type its id says (agent, provider), as allowed changes do", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const cases = [
      { path: `/limits/agents/${agent.agentId}/budget`, body: { budget_usd: 2 }, type: "agent", id: agent.agentId },
      { path: `/providers/${agent.providerIds[0] ?? ""}/disable`, body: undefined, type: "provider", id: agent.providerIds[0] },
    ];
    for (const c of cases) {
      const refused = await controlFetch(c.body === undefined ? "POST" : "PUT", c.path, { token: viewer.token, ...(c.body === undefined ? {} : { body: c.body }) });
      expect(refused.status).toBe(403);
      const found = (await list(`?request_id=${refused.headers.get("x-request-id")}`)).body.data;
      expect(found).toMatchObject([{ outcome: "denied", target: { type: c.type, id: c.id } }]);
    }
  });
});
