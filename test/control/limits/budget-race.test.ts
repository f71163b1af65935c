import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { controlFetch, controlJson, makePerson } from "../../helpers/control";
import { budgetOf } from "../../helpers/fixtures";
import { projectStub } from "../../../src/services/projects/project-stub";

describe("concurrent budget changes of one agent", () => {
  it("leave the budget object and D1 agreeing, each change either applied with its history row or refused with CONFLICT", async () => {
    const admin = await makePerson("admin");
    for (let round = 0; round < 3; round++) {
      const created = await controlJson<{ id: string }>("POST", "/agents", { token: admin.token, body: { name: `race-${crypto.randomUUID()}`, budget_usd: 1 } });
      expect(created.status).toBe(201);
      const agentId = created.body.id;
      const amounts = [2, 3, 4, 5, 6];
      const answers = await Promise.all(
        amounts.map((usd) => controlFetch("PUT", `/limits/agents/${agentId}/budget`, { token: admin.token, body: { budget_usd: usd, force: true } })),
      );
      const statuses = answers.map((res) => res.status);
      expect(statuses.every((status) => status === 200 || status === 409), statuses.join()).toBe(true);
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(0);

      const row = await env.DB.prepare("SELECT budget_micros FROM agents WHERE id = ?").bind(agentId).first<{ budget_micros: number }>();
      expect((await budgetOf(agentId)).budgetMicros).toBe(row?.budget_micros);
      await expectUnbrokenHistory(agentId, statuses, row?.budget_micros);
    }
  });

  it("on one project, leave its budget object and D1 agreeing, with an unbroken history", async () => {
    const admin = await makePerson("admin");
    for (let round = 0; round < 3; round++) {
      const created = await controlJson<{ id: string }>("POST", "/projects", { token: admin.token, body: { name: `race-${crypto.randomUUID()}`, budget_usd: 1 } });
      expect(created.status).toBe(201);
      const projectId = created.body.id;
      const answers = await Promise.all(
        [2, 3, 4, 5, 6].map((usd) => controlFetch("PUT", `/limits/projects/${projectId}/budget`, { token: admin.token, body: { budget_usd: usd, force: true } })),
      );
      const statuses = answers.map((res) => res.status);
      expect(statuses.every((status) => status === 200 || status === 409), statuses.join()).toBe(true);
      const row = await env.DB.prepare("SELECT budget_micros FROM projects WHERE id = ?").bind(projectId).first<{ budget_micros: number }>();
      expect((await projectStub(env, projectId).snapshot())?.budgetMicros).toBe(row?.budget_micros);
      await expectUnbrokenHistory(projectId, statuses, row?.budget_micros);
    }
  });
});

/** The history is a chain: one row per applied change, each starting from the budget the previous one left ($1 first). */
async function expectUnbrokenHistory(targetId: string, statuses: number[], finalMicros: number | undefined): Promise<void> {
  const history = await env.DB.prepare("SELECT old_micros, new_micros FROM budget_changes WHERE target_id = ? AND source = 'limit_set' ORDER BY at, rowid")
    .bind(targetId)
    .all<{ old_micros: number; new_micros: number }>();
  expect(history.results).toHaveLength(statuses.filter((status) => status === 200).length);
  let previous = 1_000_000;
  for (const change of history.results) {
    expect(change.old_micros).toBe(previous);
    previous = change.new_micros;
  }
  expect(previous).toBe(finalMicros);
}
