import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { controlJson, makePerson, type ErrorJson, type Person } from "../../helpers/control";
import { ownedAgent, type ChangeJson, type ListJson } from "./support";

let admin: Person;
let alice: Person;
let viewer: Person;
let alices: string;
let bobs: string;
const project = `prj_hist${crypto.randomUUID().slice(0, 8)}`;
beforeAll(async () => {
  [admin, alice, viewer] = await Promise.all([makePerson("admin"), makePerson("user"), makePerson("viewer")]);
  const bob = await makePerson("user");
  [alices, bobs] = await Promise.all([ownedAgent(alice.id), ownedAgent(bob.id)]);
  // Three dated changes of alice's agent, one of bob's, one of a project.
  const at = (day: number, id: string, target: string, type: "agent" | "project" = "agent") =>
    env.DB.prepare("INSERT INTO budget_changes (id, target_type, target_id, old_micros, new_micros, source, request_id, actor_id, reason, at) VALUES (?, ?, ?, ?, ?, 'limit_set', NULL, ?, 'fixture', ?)")
      .bind(id, type, target, day * 1_000_000, (day + 1) * 1_000_000, admin.id, `2020-01-0${day}T00:00:00.000Z`);
  await env.DB.batch([at(1, "bch_a1", alices), at(2, "bch_a2", alices), at(3, "bch_a3", alices), at(2, "bch_b2", bobs), at(2, "bch_p2", project, "project")]);
});

const history = (person: Person, query: string) => controlJson<ListJson<ChangeJson> & ErrorJson>("GET", `/budget-history?${query}`, { token: person.token });
const ids = (list: ListJson<ChangeJson>) => list.data.map((row) => row.id);

describe("the budget history", () => {
  it("gives every field of a change: target, old and new USD, delta, source, request, actor, reason, time", async () => {
    const { body } = await history(admin, "target_id=" + alices + "&source=limit_set&to=2020-01-02T00:00:00Z");
    expect(body.data).toEqual([
      { id: "bch_a1", target_type: "agent", target_id: alices, old_budget_usd: "1.000000", new_budget_usd: "2.000000", delta_usd: "1.000000", source: "limit_set", budget_request_id: null, actor_id: admin.id, reason: "fixture", at: "2020-01-01T00:00:00.000Z" },
    ]);
  });

  it("shows users their own agents' history only; admins and viewers everything", async () => {
    expect(ids((await history(alice, "to=2021-01-01T00:00:00Z")).body)).toEqual(["bch_a3", "bch_a2", "bch_a1"]);
    expect(ids((await history(alice, `target_id=${bobs}`)).body)).toEqual([]);
    expect(ids((await history(alice, "target_type=project")).body)).toEqual([]);
    for (const person of [admin, viewer]) {
      expect(ids((await history(person, "from=2020-01-02T00:00:00Z&to=2020-01-03T00:00:00Z")).body).sort()).toEqual(["bch_a2", "bch_b2", "bch_p2"]);
      expect(ids((await history(person, `target_type=project&target_id=${project}`)).body)).toEqual(["bch_p2"]);
    }
  });

  it("filters by time with any offset (from inclusive, to exclusive) and pages newest first", async () => {
    expect(ids((await history(alice, `target_id=${alices}&from=2020-01-02T01:00:00%2B01:00&to=2021-01-01T00:00:00Z`)).body)).toEqual(["bch_a3", "bch_a2"]);
    const first = (await history(alice, `target_id=${alices}&source=limit_set&limit=2`)).body;
    expect(ids(first)).toEqual(["bch_a3", "bch_a2"]);
    const second = (await history(alice, `target_id=${alices}&source=limit_set&limit=2&cursor=${first.pagination.next_cursor ?? ""}`)).body;
    expect([ids(second), second.pagination.next_cursor]).toEqual([["bch_a1"], null]);
  });

  it("lists every bad filter at once, and refuses `to` before `from`", async () => {
    const bad = await history(admin, "target_type=user&from=yesterday&source=gift&owner_id=x");
    expect([bad.status, Object.keys(bad.body.error.fields ?? {}).sort()]).toEqual([400, ["query.from", "query.owner_id", "query.source", "query.target_type"]]);
    const reversed = await history(admin, "from=2020-01-03T00:00:00Z&to=2020-01-01T00:00:00Z");
    expect([reversed.status, reversed.body.error.fields]).toEqual([400, { "query.to": "Must not be before `from`." }]);
  });
});
