import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { isRefusal } from "../../../src/errors/refusal";
import { assignAgentToProject } from "../../../src/services/projects/assign-agent";
import { createProject } from "../../../src/services/projects/create-project";
import { projectStub } from "../../../src/services/projects/project-stub";
import { auditRowsOf, controlFetch, controlJson, makePerson, type ErrorJson, type Person } from "../../helpers/control";
import { jsonPost } from "../../helpers/gateway";
import { createTestAgent, settled } from "../../helpers/fixtures";
import { plain } from "../agents/agent-helpers";

let admin: Person;
let user: Person;

beforeAll(async () => {
  [admin, user] = await Promise.all([makePerson("admin"), makePerson("user")]);
});

/** A project with one $1 agent that has spent something through it. */
async function busyProject(budgetMicros: number): Promise<{ projectId: string; token: string }> {
  const project = await createProject(env, { name: `p-${crypto.randomUUID()}`, budgetMicros });
  if (isRefusal(project)) throw new Error(project.message);
  const agent = await createTestAgent({ budgetUsd: 1 });
  const assigned = await assignAgentToProject(env, agent.agentId, project.id);
  if (isRefusal(assigned)) throw new Error(assigned.message);
  const call = await jsonPost("/v1/chat/completions", agent.token, plain);
  expect(call.status).toBe(200);
  await call.text();
  await settled(agent.agentId);
  return { projectId: project.id, token: agent.token };
}

const history = async (projectId: string) =>
  (await env.DB.prepare("SELECT target_type, old_micros, new_micros, source FROM budget_changes WHERE target_id = ? AND source != 'create' ORDER BY at").bind(projectId).all()).results;

describe("PUT /limits/projects/:id/budget", () => {
  it("refuses a decrease without force with a preview, changing nothing", async () => {
    const { projectId } = await busyProject(1_000_000);
    const res = await controlJson<ErrorJson>("PUT", `/limits/projects/${projectId}/budget`, { token: admin.token, body: { budget_usd: 0 } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("CONFIRMATION_REQUIRED");
    expect(res.body.error.details).toMatchObject({ project_id: projectId, current_budget_usd: "1.000000", new_budget_usd: "0.000000", exhausted_after: true, over_lent_after: true, member_agents: 1 });
    expect((await projectStub(env, projectId).snapshot())?.budgetMicros).toBe(1_000_000);
    const row = await env.DB.prepare("SELECT budget_micros FROM projects WHERE id = ?").bind(projectId).first<{ budget_micros: number }>();
    expect(row?.budget_micros).toBe(1_000_000);
    expect(await history(projectId)).toEqual([]);
  });

  it("applies a forced decrease and an increase, each with a history row and one audit record", async () => {
    const { projectId } = await busyProject(1_000_000);
    const down = await controlJson<{ budget_usd: string; previous_budget_usd: string }>("PUT", `/limits/projects/${projectId}/budget`, { token: admin.token, body: { budget_usd: "0.5", force: true } });
    expect(down.status).toBe(200);
    expect(down.body).toMatchObject({ budget_usd: "0.500000", previous_budget_usd: "1.000000" });
    expect((await auditRowsOf(down.response)).map((r) => [r.action, r.outcome, r.target_id])).toEqual([["limit.set_project_budget", "ok", projectId]]);
    const up = await controlJson<{ budget_usd: string }>("PUT", `/limits/projects/${projectId}/budget`, { token: admin.token, body: { budget_usd: 3 } });
    expect(up.status).toBe(200);
    expect((await projectStub(env, projectId).snapshot())?.budgetMicros).toBe(3_000_000);
    expect(await history(projectId)).toEqual([
      { target_type: "project", old_micros: 1_000_000, new_micros: 500_000, source: "limit_set" },
      { target_type: "project", old_micros: 500_000, new_micros: 3_000_000, source: "limit_set" },
    ]);
  });

  it("is for admins only, and NOT_FOUND for unknown projects", async () => {
    const { projectId } = await busyProject(1_000_000);
    expect((await controlFetch("PUT", `/limits/projects/${projectId}/budget`, { token: user.token, body: { budget_usd: 9 } })).status).toBe(403);
    expect((await controlFetch("PUT", "/limits/projects/prj_nothere/budget", { token: admin.token, body: { budget_usd: 9 } })).status).toBe(404);
  });
});
