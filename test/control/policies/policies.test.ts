import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { auditRowsOf, controlFetch, controlJson, makePerson, type ErrorJson, type Person } from "../../helpers/control";
import { createTestAgent } from "../../helpers/fixtures";
import { jsonPost } from "../../helpers/gateway";
import { agentUsing } from "../providers/support";

interface PolicyJson {
  id: string | null;
  target_type: string;
  target_id: string;
  policy: { safety?: Record<string, Record<string, string>>; models?: { allow: string[] | null } } | null;
}
interface EffectiveJson {
  project_id: string | null;
  safety: Record<"input" | "output", Record<string, string>>;
  sources: Record<"input" | "output", Record<string, string>>;
  models: { allow: string[] | null };
}

let admin: Person;
let viewer: Person;
let owner: Person;
let other: Person;
beforeAll(async () => {
  [admin, viewer, owner, other] = await Promise.all([makePerson("admin"), makePerson("viewer"), makePerson("user"), makePerson("user")]);
});

const chat = (token: string, model: string): Promise<Response> => jsonPost("/v1/chat/completions", token, { model, max_tokens: 20, messages: [{ role: "user", content: "hi" }] });
const put = (path: string, token: string, body: unknown) => controlJson<PolicyJson & ErrorJson>("PUT", path, { token, body });

async function newProject(): Promise<string> {
  const { body } = await controlJson<{ id: string }>("POST", "/projects", { token: admin.token, body: { name: `pp-${crypto.randomUUID()}`, budget_usd: 10 } });
  return body.id;
}

describe("agent policies", () => {
  it("start unset, are replaced by PUT and removed by DELETE, one audit record each, and written to the cache", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const path = `/policies/agents/${agent.agentId}`;
    expect((await controlJson<PolicyJson>("GET", path, { token: viewer.token })).body).toMatchObject({ id: null, target_type: "agent", target_id: agent.agentId, policy: null });
    const document = { safety: { input: { pii: "redact" } }, models: { allow: ["gpt-4o"] } };
    const set = await put(path, admin.token, document);
    expect([set.status, set.body.policy]).toEqual([200, document]);
    expect(set.body.id).toMatch(/^pol_/);
    const audit = await auditRowsOf(set.response);
    expect(audit.map((row) => [row.action, row.target_id])).toEqual([["agent_policy.set", agent.agentId]]);
    expect(JSON.parse(audit[0]?.after ?? "null")).toEqual({ policy: document });
    expect(await env.CACHE.get(`policy:agent:${agent.agentId}`, "json")).toEqual({ projectId: null, policy: document });
    expect((await controlJson<PolicyJson>("GET", path, { token: admin.token })).body.policy).toEqual(document);

    const removed = await controlFetch("DELETE", path, { token: admin.token });
    expect(removed.status).toBe(204);
    expect((await auditRowsOf(removed)).map((row) => row.action)).toEqual(["agent_policy.delete"]);
    expect((await controlJson<PolicyJson>("GET", path, { token: admin.token })).body.policy).toBeNull();
    expect(await env.CACHE.get(`policy:agent:${agent.agentId}`, "json")).toEqual({ projectId: null, policy: null });
  });

  it("validate every field: actions, detectors, unknown keys, model lists", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const bad = await put(`/policies/agents/${agent.agentId}`, admin.token, {
      safety: { input: { secrets: "allow", malware: "block" }, sideways: {} },
      models: { allow: ["gpt-4o", "gpt-4o"] },
      rate: 5,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(["models.allow", "rate", "safety.input.malware", "safety.input.secrets", "safety.sideways"]);
    expect((await controlFetch("GET", "/policies/agents/agt_missing", { token: admin.token })).status).toBe(404);
    expect((await controlFetch("PUT", "/policies/agents/agt_missing", { token: admin.token, body: {} })).status).toBe(404);
  });
});

describe("the effective policy", () => {
  it("merges defaults ← project ← agent, and intersects every model list with the agent's allowed_models", async () => {
    const agent = await createTestAgent({ budgetUsd: 1, allowedModels: ["gpt-4o", "gpt-4o-mini", "gpt-4.1"] });
    const effective = (): Promise<EffectiveJson> => controlJson<EffectiveJson>("GET", `/policies/agents/${agent.agentId}/effective`, { token: viewer.token }).then((r) => r.body);
    const defaults = await effective();
    expect(defaults.safety).toEqual({ input: { secrets: "block", pii: "log", injection: "warn" }, output: { secrets: "redact", pii: "redact", injection: "warn" } });
    expect(defaults.models.allow).toEqual(["gpt-4o", "gpt-4o-mini", "gpt-4.1"]);

    const projectId = await newProject();
    await controlJson("POST", `/projects/${projectId}/agents`, { token: admin.token, body: { agent_id: agent.agentId } });
    expect((await put(`/policies/projects/${projectId}`, admin.token, { safety: { output: { pii: "warn", injection: "block" } }, models: { allow: ["gpt-4o", "gpt-4o-mini", "o3"] } })).status).toBe(200);
    expect((await put(`/policies/agents/${agent.agentId}`, admin.token, { safety: { output: { injection: "off" } }, models: { allow: ["gpt-4o-mini", "gpt-4.1"] } })).status).toBe(200);
    const merged = await effective();
    expect(merged.project_id).toBe(projectId);
    expect(merged.safety.output).toEqual({ secrets: "redact", pii: "warn", injection: "off" });
    expect(merged.sources.output).toEqual({ secrets: "default", pii: "project", injection: "agent" });
    expect(merged.safety.input).toEqual(defaults.safety.input);
    expect(merged.models.allow).toEqual(["gpt-4o-mini"]);
  });
});

describe("the gateway enforces policy model allow-lists", () => {
  it("an agent's policy refuses other models with model_not_allowed; removing it allows them again", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    expect((await chat(agent.token, "gpt-4o-mini")).status).toBe(200);
    await put(`/policies/agents/${agent.agentId}`, admin.token, { models: { allow: ["gpt-4o"] } });
    const refused = await chat(agent.token, "gpt-4o-mini");
    expect(refused.status).toBe(403);
    expect((await refused.json<{ error: { code: string } }>()).error.code).toBe("model_not_allowed");
    expect((await chat(agent.token, "gpt-4o")).status).toBe(200);
    // Dated snapshots match their priced family.
    expect((await chat(agent.token, "gpt-4o-2024-08-06")).status).toBe(200);
    await controlFetch("DELETE", `/policies/agents/${agent.agentId}`, { token: admin.token });
    expect((await chat(agent.token, "gpt-4o-mini")).status).toBe(200);
  });

  it("a project's policy applies to its agents from assignment on, and stops applying when they leave", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const projectId = await newProject();
    await put(`/policies/projects/${projectId}`, admin.token, { models: { allow: ["claude-haiku-4-5"] } });
    expect((await chat(agent.token, "gpt-4o-mini")).status).toBe(200);
    await controlJson("POST", `/projects/${projectId}/agents`, { token: admin.token, body: { agent_id: agent.agentId } });
    expect((await chat(agent.token, "gpt-4o-mini")).status).toBe(403);
    await controlFetch("DELETE", `/projects/${projectId}/agents/${agent.agentId}`, { token: admin.token });
    expect((await chat(agent.token, "gpt-4o-mini")).status).toBe(200);
  });
});

describe("who may read and write agent policies", () => {
  it("owners read theirs and may only tighten; others' agents are NOT_FOUND; loosening and removal need an admin", async () => {
    const { agentId } = await agentUsing([], { ownerId: owner.id });
    const path = `/policies/agents/${agentId}`;
    expect((await controlFetch("GET", path, { token: owner.token })).status).toBe(200);
    expect((await controlFetch("GET", path, { token: other.token })).status).toBe(404);
    expect((await controlFetch("GET", `${path}/effective`, { token: other.token })).status).toBe(404);
    expect((await controlFetch("PUT", path, { token: other.token, body: {} })).status).toBe(404);
    expect((await controlFetch("PUT", path, { token: viewer.token, body: {} })).status).toBe(403);

    const tighter = await put(path, owner.token, { safety: { input: { pii: "block" } }, models: { allow: ["gpt-4o"] } });
    expect(tighter.status).toBe(200);
    expect((await auditRowsOf(tighter.response)).map((row) => [row.action, row.actor_id])).toEqual([["agent_policy.set", owner.id]]);
    const looser = await put(path, owner.token, { safety: { input: { pii: "log", secrets: "warn" } }, models: { allow: ["gpt-4o", "gpt-4o-mini"] } });
    expect(looser.status).toBe(403);
    expect(Object.keys(looser.body.error.fields ?? {}).sort()).toEqual(["models.allow", "safety.input.pii", "safety.input.secrets"]);
    expect((await put(path, owner.token, { safety: { input: { pii: "block" } } })).status).toBe(403); // dropping the list widens it
    expect((await controlFetch("DELETE", path, { token: owner.token })).status).toBe(403);
    expect((await put(path, admin.token, { safety: { input: { secrets: "off" } } })).status).toBe(200);
  });
});

describe("project policies", () => {
  it("CRUD by admins, readable by viewers, NOT_FOUND for unknown projects", async () => {
    const projectId = await newProject();
    const path = `/policies/projects/${projectId}`;
    expect((await controlJson<PolicyJson>("GET", path, { token: viewer.token })).body).toMatchObject({ target_type: "project", policy: null });
    const set = await put(path, admin.token, { safety: { input: { injection: "block" } } });
    expect([set.status, (await auditRowsOf(set.response)).map((row) => row.action)]).toEqual([200, ["project_policy.set"]]);
    expect((await put(path, owner.token, {})).status).toBe(403);
    expect(await env.CACHE.get(`policy:project:${projectId}`, "json")).toEqual({ policy: { safety: { input: { injection: "block" } } } });
    const removed = await controlFetch("DELETE", path, { token: admin.token });
    expect([removed.status, (await auditRowsOf(removed)).map((row) => row.action)]).toEqual([204, ["project_policy.delete"]]);
    expect((await controlJson<PolicyJson>("GET", path, { token: viewer.token })).body.policy).toBeNull();
    expect((await controlFetch("GET", "/policies/projects/prj_missing", { token: viewer.token })).status).toBe(404);
  });
});
