import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { auditRowsOf, controlFetch, controlJson, makePerson, type ErrorJson, type Person } from "../../helpers/control";
import { createTestAgent, settled } from "../../helpers/fixtures";
import { jsonPost } from "../../helpers/gateway";

interface ProjectJson {
  id: string;
  name: string;
  description: string | null;
  budget_usd: string;
  agents_count: number;
  spent_usd: string;
  lent_usd: string;
  remaining_usd: string;
}

let admin: Person;
let viewer: Person;
let user: Person;
beforeAll(async () => {
  [admin, viewer, user] = await Promise.all([makePerson("admin"), makePerson("viewer"), makePerson("user")]);
});

async function newProject(budget: number | string, description?: string): Promise<{ project: ProjectJson; response: Response }> {
  const body: Record<string, unknown> = { name: `prj-${crypto.randomUUID()}`, budget_usd: budget };
  if (description !== undefined) body.description = description;
  const { status, body: project, response } = await controlJson<ProjectJson>("POST", "/projects", { token: admin.token, body });
  if (status !== 201) throw new Error(`project creation: ${status} ${JSON.stringify(project)}`);
  return { project, response };
}

const chat = (token: string): Promise<Response> => jsonPost("/v1/chat/completions", token, { model: "gpt-4o-mini", max_tokens: 50, messages: [{ role: "user", content: "hi" }] });

describe("projects CRUD", () => {
  it("create records the budget history and one audit record; get shows the budget object's figures", async () => {
    const { project, response } = await newProject("12.5", "the research team");
    expect(project).toMatchObject({ budget_usd: "12.500000", description: "the research team", agents_count: 0, spent_usd: "0.000000", lent_usd: "0.000000", remaining_usd: "12.500000" });
    expect((await auditRowsOf(response)).map((row) => [row.action, row.target_id])).toEqual([["project.create", project.id]]);
    const history = await env.DB.prepare("SELECT old_micros, new_micros, source, actor_id FROM budget_changes WHERE target_type = 'project' AND target_id = ?").bind(project.id).all();
    expect(history.results).toEqual([{ old_micros: null, new_micros: 12_500_000, source: "create", actor_id: admin.id }]);
    const got = await controlJson<ProjectJson>("GET", `/projects/${project.id}`, { token: viewer.token });
    expect([got.status, got.body.name]).toEqual([200, project.name]);
    expect((await controlFetch("GET", "/projects/prj_nope", { token: viewer.token })).status).toBe(404);
  });

  it("validates: amounts, duplicate names, unknown fields; only admins write", async () => {
    const bad = await controlJson<ErrorJson>("POST", "/projects", { token: admin.token, body: { name: "x", budget_usd: "1.0000001", owner_id: "usr_x" } });
    expect([bad.status, Object.keys(bad.body.error.fields ?? {}).sort()]).toEqual([400, ["budget_usd", "owner_id"]]);
    const { project } = await newProject(1);
    const dup = await controlJson<ErrorJson>("POST", "/projects", { token: admin.token, body: { name: project.name, budget_usd: 1 } });
    expect([dup.status, dup.body.error.code]).toEqual([409, "CONFLICT"]);
    expect((await controlFetch("POST", "/projects", { token: user.token, body: { name: "u", budget_usd: 1 } })).status).toBe(403);
    expect((await controlFetch("PATCH", `/projects/${project.id}`, { token: viewer.token, body: { name: "v" } })).status).toBe(403);
  });

  it("PATCH changes the name and description, never the budget", async () => {
    const { project } = await newProject(2);
    const name = `renamed-${crypto.randomUUID()}`;
    const patched = await controlJson<ProjectJson>("PATCH", `/projects/${project.id}`, { token: admin.token, body: { name, description: null } });
    expect([patched.status, patched.body.name, patched.body.description, patched.body.budget_usd]).toEqual([200, name, null, "2.000000"]);
    expect((await auditRowsOf(patched.response)).map((row) => row.action)).toEqual(["project.update"]);
    const budget = await controlJson<ErrorJson>("PATCH", `/projects/${project.id}`, { token: admin.token, body: { budget_usd: 100 } });
    expect([budget.status, Object.keys(budget.body.error.fields ?? {})]).toEqual([400, ["budget_usd"]]);
  });

  it("lists page through every project", async () => {
    const made = [(await newProject(1)).project.id, (await newProject(1)).project.id, (await newProject(1)).project.id];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? "" : `&cursor=${cursor}`;
      const page = await controlJson<{ data: ProjectJson[]; pagination: { next_cursor: string | null } }>("GET", `/projects?limit=2${query}`, { token: user.token });
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((p) => p.id));
      cursor = page.body.pagination.next_cursor;
    } while (cursor !== null);
    for (const id of made) expect(seen).toContain(id);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe("assigning agents", () => {
  it("an assigned agent spends from the project: a tiny project budget refuses its call; unassigned, it spends again", async () => {
    const { project } = await newProject("0.000001");
    const agent = await createTestAgent({ budgetUsd: 1 });
    const assigned = await controlJson<ProjectJson>("POST", `/projects/${project.id}/agents`, { token: admin.token, body: { agent_id: agent.agentId } });
    expect([assigned.status, assigned.body.agents_count]).toEqual([200, 1]);
    expect((await auditRowsOf(assigned.response)).map((row) => [row.action, row.target_id])).toEqual([["project.assign_agent", project.id]]);
    const refused = await chat(agent.token);
    expect(refused.status).toBe(429);
    expect((await refused.json<{ error: { code: string } }>()).error.code).toBe("budget_exceeded");

    const removed = await controlFetch("DELETE", `/projects/${project.id}/agents/${agent.agentId}`, { token: admin.token });
    expect(removed.status).toBe(204);
    expect((await auditRowsOf(removed)).map((row) => row.action)).toEqual(["project.unassign_agent"]);
    const row = await env.DB.prepare("SELECT project_id FROM agents WHERE id = ?").bind(agent.agentId).first<{ project_id: string | null }>();
    expect(row?.project_id).toBeNull();
    expect((await chat(agent.token)).status).toBe(200);
    expect((await controlJson<ProjectJson>("GET", `/projects/${project.id}`, { token: admin.token })).body.agents_count).toBe(0);
    // Not a member any more.
    expect((await controlFetch("DELETE", `/projects/${project.id}/agents/${agent.agentId}`, { token: admin.token })).status).toBe(404);
  });

  it("moving an agent to another project gives its unused slice back to the first", async () => {
    const { project: first } = await newProject(1);
    const { project: second } = await newProject(1);
    const agent = await createTestAgent({ budgetUsd: 1 });
    await controlJson("POST", `/projects/${first.id}/agents`, { token: admin.token, body: { agent_id: agent.agentId } });
    const res = await chat(agent.token);
    expect(res.status).toBe(200);
    await res.text();
    const spent = (await settled(agent.agentId)).spentMicros;
    const lent = await controlJson<ProjectJson>("GET", `/projects/${first.id}`, { token: admin.token });
    expect(Number(lent.body.lent_usd) * 1e6).toBeGreaterThan(spent);
    await controlJson("POST", `/projects/${second.id}/agents`, { token: admin.token, body: { agent_id: agent.agentId } });
    const after = await controlJson<ProjectJson>("GET", `/projects/${first.id}`, { token: admin.token });
    expect(Math.round(Number(after.body.lent_usd) * 1e6)).toBe(spent);
    expect(after.body.agents_count).toBe(0);
  });

  it("refuses unknown agents and projects", async () => {
    const { project } = await newProject(1);
    const unknownAgent = await controlJson<ErrorJson>("POST", `/projects/${project.id}/agents`, { token: admin.token, body: { agent_id: "agt_missing" } });
    expect([unknownAgent.status, Object.keys(unknownAgent.body.error.fields ?? {})]).toEqual([400, ["agent_id"]]);
    const agent = await createTestAgent({ budgetUsd: 1 });
    expect((await controlFetch("POST", "/projects/prj_missing/agents", { token: admin.token, body: { agent_id: agent.agentId } })).status).toBe(404);
    expect((await controlFetch("POST", `/projects/${project.id}/agents`, { token: user.token, body: { agent_id: agent.agentId } })).status).toBe(403);
  });
});
