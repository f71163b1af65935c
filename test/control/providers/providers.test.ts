import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { fingerprint } from "../../../src/crypto/envelope";
import { CANARY_MARK } from "../../helpers/canary";
import { auditRowsOf, controlFetch, controlJson, makePerson, type ErrorJson, type Person } from "../../helpers/control";
import { mockRequests, mockUrl } from "../../helpers/fixtures";
import { jsonPost } from "../../helpers/gateway";
import { agentUsing, allAuditText, canaryKey, postProvider, type ProviderJson } from "./support";

let admin: Person;
let viewer: Person;
let user: Person;
beforeAll(async () => {
  [admin, viewer, user] = await Promise.all([makePerson("admin"), makePerson("viewer"), makePerson("user")]);
});

const chat = (token: string): Promise<Response> => jsonPost("/v1/chat/completions", token, { model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] });

describe("provider keys are write-only", () => {
  it("create, list and get show the fingerprint and last 4, never the key; the audit record neither", async () => {
    const { provider, key, response } = await postProvider(admin.token);
    expect(provider.key_fingerprint).toBe(await fingerprint(key));
    expect(provider.key_last4).toBe(key.slice(-4));
    expect(provider).toMatchObject({ kind: "openai", status: "active", base_url: `${mockUrl()}/v1`, models: null, agents_count: 0 });
    expect(provider.usage).toEqual({ requests: 0, spend_usd: "0.000000", last_used_at: null });
    const audit = await auditRowsOf(response);
    expect(audit.map((row) => [row.action, row.outcome, row.target_id])).toEqual([["provider.create", "ok", provider.id]]);
    for (const caller of [admin, viewer, user]) {
      const one = await controlFetch("GET", `/providers/${provider.id}`, { token: caller.token });
      const list = await controlFetch("GET", "/providers?limit=100", { token: caller.token });
      for (const text of [await one.text(), await list.text()]) {
        expect(text).not.toContain(key);
        expect(text).not.toContain(CANARY_MARK);
      }
      expect(one.status).toBe(200);
    }
    const row = await env.DB.prepare("SELECT * FROM providers WHERE id = ?").bind(provider.id).first();
    expect(JSON.stringify(row)).not.toContain(CANARY_MARK);
    expect(await allAuditText()).not.toContain(CANARY_MARK);
  });

  it("a refused create does not echo the key either", async () => {
    const key = `${canaryKey()} with spaces`;
    const { status, body, response } = await controlJson<ErrorJson>("POST", "/providers", { token: admin.token, body: { name: "bad-key", kind: "openai", api_key: key, secret: key } });
    expect(status).toBe(400);
    expect(Object.keys(body.error.fields ?? {}).sort()).toEqual(["api_key", "secret"]);
    expect(JSON.stringify(body)).not.toContain(CANARY_MARK);
    expect(JSON.stringify(await auditRowsOf(response))).not.toContain(CANARY_MARK);
  });

  it("only admins create, change or delete providers; every signed-in role reads them", async () => {
    const { provider } = await postProvider(admin.token);
    const body = { name: `x-${crypto.randomUUID()}`, kind: "openai", api_key: canaryKey() };
    expect((await controlFetch("POST", "/providers", { token: user.token, body })).status).toBe(403);
    expect((await controlFetch("POST", `/providers/${provider.id}/rotate-key`, { token: viewer.token, body: { api_key: canaryKey() } })).status).toBe(403);
    expect((await controlFetch("DELETE", `/providers/${provider.id}`, { token: user.token })).status).toBe(403);
    expect((await controlFetch("GET", `/providers/${provider.id}`, { token: user.token })).status).toBe(200);
  });
});

describe("rotating a key", () => {
  it("changes the fingerprint, records only fingerprints, and the gateway uses the new key", async () => {
    const { provider, key: oldKey } = await postProvider(admin.token);
    const agent = await agentUsing([provider.id]);
    expect((await chat(agent.token)).status).toBe(200);
    const newKey = canaryKey();
    const rotated = await controlJson<ProviderJson>("POST", `/providers/${provider.id}/rotate-key`, { token: admin.token, body: { api_key: newKey } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.key_fingerprint).toBe(await fingerprint(newKey));
    expect(rotated.body.key_fingerprint).not.toBe(provider.key_fingerprint);
    expect(rotated.body.key_last4).toBe(newKey.slice(-4));
    const audit = await auditRowsOf(rotated.response);
    expect(audit.map((row) => row.action)).toEqual(["provider.rotate_key"]);
    expect(JSON.parse(audit[0]?.before ?? "null")).toEqual({ key_fingerprint: provider.key_fingerprint, key_last4: provider.key_last4 });
    expect(JSON.parse(audit[0]?.after ?? "null")).toEqual({ key_fingerprint: rotated.body.key_fingerprint, key_last4: rotated.body.key_last4 });
    expect((await chat(agent.token)).status).toBe(200);
    expect(await mockRequests(oldKey)).toHaveLength(1);
    expect(await mockRequests(newKey)).toHaveLength(1);
    expect(await allAuditText()).not.toContain(CANARY_MARK);
  });
});

describe("disabling a provider", () => {
  it("the gateway refuses at once, and serves again once enabled", async () => {
    const { provider, key } = await postProvider(admin.token);
    const agent = await agentUsing([provider.id]);
    expect((await chat(agent.token)).status).toBe(200);
    const disabled = await controlJson<ProviderJson>("POST", `/providers/${provider.id}/disable`, { token: admin.token });
    expect([disabled.status, disabled.body.status]).toEqual([200, "disabled"]);
    expect((await auditRowsOf(disabled.response)).map((row) => row.action)).toEqual(["provider.disable"]);
    const refused = await chat(agent.token);
    expect(refused.status).toBe(403);
    expect((await refused.json<{ error: { code: string; message: string } }>()).error).toMatchObject({ code: "model_not_allowed", message: expect.stringContaining("disabled") as string });
    expect(await mockRequests(key)).toHaveLength(1);
    const enabled = await controlJson<ProviderJson>("POST", `/providers/${provider.id}/enable`, { token: admin.token });
    expect([enabled.status, enabled.body.status]).toEqual([200, "active"]);
    expect((await auditRowsOf(enabled.response)).map((row) => row.action)).toEqual(["provider.enable"]);
    expect((await chat(agent.token)).status).toBe(200);
  });
});

describe("deleting a provider", () => {
  it("is refused while live agents use it, naming them; force detaches and deletes the key material", async () => {
    const { provider } = await postProvider(admin.token);
    const { provider: other } = await postProvider(admin.token);
    const agent = await agentUsing([provider.id, other.id]);
    const conflict = await controlJson<ErrorJson>("DELETE", `/providers/${provider.id}`, { token: admin.token });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe("CONFLICT");
    expect(conflict.body.error.details).toMatchObject({ agents: [{ id: agent.agentId }], agents_count: 1 });
    expect((await controlJson<ProviderJson>("GET", `/providers/${provider.id}`, { token: admin.token })).body.agents_count).toBe(1);

    const forced = await controlFetch("DELETE", `/providers/${provider.id}?force=true`, { token: admin.token });
    expect(forced.status).toBe(204);
    const audit = await auditRowsOf(forced);
    expect(audit.map((row) => row.action)).toEqual(["provider.delete"]);
    expect(JSON.parse(audit[0]?.after ?? "null")).toEqual({ detached_agents: [agent.agentId] });
    expect(await env.DB.prepare("SELECT id FROM providers WHERE id = ?").bind(provider.id).first()).toBeNull();
    const ids = await env.DB.prepare("SELECT provider_ids FROM agents WHERE id = ?").bind(agent.agentId).first<{ provider_ids: string }>();
    expect(JSON.parse(ids?.provider_ids ?? "null")).toEqual([other.id]);
    expect((await controlFetch("GET", `/providers/${provider.id}`, { token: admin.token })).status).toBe(404);
    // The agent still works through its other provider.
    expect((await chat(agent.token)).status).toBe(200);
  });

  it("an unused provider is deleted without force", async () => {
    const { provider } = await postProvider(admin.token);
    expect((await controlFetch("DELETE", `/providers/${provider.id}`, { token: admin.token })).status).toBe(204);
    expect((await controlFetch("DELETE", `/providers/${provider.id}`, { token: admin.token })).status).toBe(404);
  });
});
