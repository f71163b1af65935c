import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { isControlRefusal } from "../../../src/control/openapi/control-errors";
import { addProvider } from "../../../src/services/providers/add-provider";
import { SYSTEM_ACTOR } from "../../../src/services/providers/system-actor";
import { auditRowsOf, controlJson, makePerson, type ErrorJson, type Person } from "../../helpers/control";
import { mockUrl } from "../../helpers/fixtures";
import { agentUsing, canaryKey, postProvider, type ProviderJson } from "./support";

let admin: Person;
beforeAll(async () => {
  admin = await makePerson("admin");
});

const create = (body: Record<string, unknown>) => controlJson<ErrorJson & ProviderJson>("POST", "/providers", { token: admin.token, body: { name: `c-${crypto.randomUUID()}`, api_key: canaryKey(), ...body } });

describe("provider base URLs", () => {
  it("refuse metadata, link-local and unknown public hosts (tests allow loopback for the mock)", async () => {
    for (const base_url of ["http://169.254.169.254/latest", "http://[fd00:ec2::254]/", "http://metadata.google.internal/v1", "https://evil.example.com/v1", "https://api.openai.com/v1?x=1", "ftp://api.openai.com"]) {
      const { status, body } = await create({ kind: "openai_compatible", base_url });
      expect([status, body.error.code, Object.keys(body.error.fields ?? {})], base_url).toEqual([400, "VALIDATION_ERROR", ["base_url"]]);
    }
    expect((await create({ kind: "openai_compatible", base_url: `${mockUrl()}/v1` })).status).toBe(201);
  });

  it("default per kind; openai_compatible needs one", async () => {
    expect((await create({ kind: "openai" })).body.base_url).toBe("https://api.openai.com/v1");
    expect((await create({ kind: "anthropic" })).body.base_url).toBe("https://api.anthropic.com");
    const missing = await create({ kind: "openai_compatible" });
    expect([missing.status, Object.keys(missing.body.error.fields ?? {})]).toEqual([400, ["base_url"]]);
  });

  it("a PATCH is held to the same rules, and cannot touch the key or the kind", async () => {
    const { provider } = await postProvider(admin.token);
    const refused = await controlJson<ErrorJson>("PATCH", `/providers/${provider.id}`, { token: admin.token, body: { base_url: "http://169.254.169.254/" } });
    expect([refused.status, Object.keys(refused.body.error.fields ?? {})]).toEqual([400, ["base_url"]]);
    const smuggled = await controlJson<ErrorJson>("PATCH", `/providers/${provider.id}`, { token: admin.token, body: { api_key: canaryKey(), kind: "anthropic" } });
    expect([smuggled.status, Object.keys(smuggled.body.error.fields ?? {}).sort()]).toEqual([400, ["api_key", "kind"]]);
  });
});

describe("provider changes", () => {
  it("PATCH renames, moves the base URL and sets models, with one audit record", async () => {
    const { provider } = await postProvider(admin.token);
    const name = `renamed-${crypto.randomUUID()}`;
    const { status, body, response } = await controlJson<ProviderJson>("PATCH", `/providers/${provider.id}`, {
      token: admin.token,
      body: { name, base_url: `${mockUrl()}/v1/`, models: ["gpt-4o-mini"] },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ name, base_url: `${mockUrl()}/v1`, models: ["gpt-4o-mini"], key_fingerprint: provider.key_fingerprint });
    const audit = await auditRowsOf(response);
    expect(audit.map((row) => row.action)).toEqual(["provider.update"]);
    expect(JSON.parse(audit[0]?.before ?? "null")).toMatchObject({ name: provider.name });
    const taken = await controlJson<ErrorJson>("PATCH", `/providers/${provider.id}`, { token: admin.token, body: { name: (await postProvider(admin.token)).provider.name } });
    expect([taken.status, taken.body.error.code]).toEqual([409, "CONFLICT"]);
  });

  it("a duplicate name is a CONFLICT", async () => {
    const { provider } = await postProvider(admin.token);
    const { status, body } = await controlJson<ErrorJson>("POST", "/providers", { token: admin.token, body: { name: provider.name, kind: "openai", api_key: canaryKey() } });
    expect([status, body.error.code]).toEqual([409, "CONFLICT"]);
  });

  it("without a valid IRON_MASTER_KEY nothing is stored: SERVICE_MISCONFIGURED", async () => {
    const result = await addProvider({ ...env, IRON_MASTER_KEY: "" }, { name: `m-${crypto.randomUUID()}`, kind: "openai", baseUrl: "https://api.openai.com/v1", apiKey: canaryKey() }, SYSTEM_ACTOR);
    expect(isControlRefusal(result) ? result.code : null).toBe("SERVICE_MISCONFIGURED");
  });
});

describe("provider reads", () => {
  it("GET shows usage from the hourly rollup and the live agents using it", async () => {
    const { provider } = await postProvider(admin.token);
    const agent = await agentUsing([provider.id]);
    await env.DB.prepare("INSERT INTO usage_rollup (hour, agent_id, provider_id, model, requests, cost_micros) VALUES (?, ?, ?, 'gpt-4o-mini', ?, ?)")
      .bind("2026-01-02T03", agent.agentId, provider.id, 3, 1_500)
      .run();
    await env.DB.prepare("INSERT INTO usage_rollup (hour, agent_id, provider_id, model, requests, cost_micros) VALUES (?, ?, ?, 'gpt-4o', ?, ?)")
      .bind("2026-01-02T05", agent.agentId, provider.id, 2, 250)
      .run();
    const { body } = await controlJson<ProviderJson>("GET", `/providers/${provider.id}`, { token: admin.token });
    expect(body.usage).toEqual({ requests: 5, spend_usd: "0.001750", last_used_at: "2026-01-02T05:00:00.000Z" });
    expect(body.agents_count).toBe(1);
  });

  it("lists filter by kind and status and page with a cursor", async () => {
    const made = [await postProvider(admin.token), await postProvider(admin.token), await postProvider(admin.token)];
    const disabled = made[1]?.provider.id ?? "";
    await controlJson("POST", `/providers/${disabled}/disable`, { token: admin.token });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? "" : `&cursor=${cursor}`;
      const page = await controlJson<{ data: ProviderJson[]; pagination: { next_cursor: string | null; limit: number } }>("GET", `/providers?kind=openai&limit=2${query}`, { token: admin.token });
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      expect(page.body.data.every((p) => p.kind === "openai")).toBe(true);
      seen.push(...page.body.data.map((p) => p.id));
      cursor = page.body.pagination.next_cursor;
    } while (cursor !== null);
    expect(new Set(seen).size).toBe(seen.length);
    for (const { provider } of made) expect(seen).toContain(provider.id);
    const onlyDisabled = await controlJson<{ data: ProviderJson[] }>("GET", "/providers?status=disabled&limit=100", { token: admin.token });
    expect(onlyDisabled.body.data.map((p) => p.id)).toContain(disabled);
    expect(onlyDisabled.body.data.every((p) => p.status === "disabled")).toBe(true);
    const bad = await controlJson<ErrorJson>("GET", "/providers?kind=azure&cursor=zz", { token: admin.token });
    expect([bad.status, Object.keys(bad.body.error.fields ?? {}).sort()]).toEqual([400, ["query.kind"]]);
  });
});
