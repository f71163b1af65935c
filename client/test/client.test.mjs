// The shared control-API client against a tiny local HTTP server: how calls are built, answers parsed, failures
// turned into ApiError, and an expired token renewed once.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { loadClient, localServer } from "./helpers.mjs";

const { createControlClient, ApiError, OPERATIONS, API_PREFIX } = await loadClient();
const servers = [];
const serve = async (handler) => {
  const s = await localServer(handler);
  servers.push(s);
  return s;
};
after(() => Promise.all(servers.map((s) => s.close())));

test("a typed call: prefix, encoded path parameter, query without undefined, bearer token, JSON answer", async () => {
  const s = await serve(() => ({ status: 200, json: { id: "agt 1", name: "bot" } }));
  const client = createControlClient({ baseUrl: s.url + "/", getToken: async () => "apitok_abc", userAgent: "iron-test/1" });
  const agent = await client.call("getAgent", { params: { id: "agt 1/x" } });
  assert.deepEqual(agent, { id: "agt 1", name: "bot" });
  const listed = await client.call("listAgents", { query: { status: "active", limit: 10, q: undefined } });
  assert.deepEqual(listed, { id: "agt 1", name: "bot" });
  const [get, list] = s.requests;
  assert.equal(API_PREFIX, "/api/v1");
  assert.equal(get.method, "GET");
  assert.equal(get.url, "/api/v1/agents/agt%201%2Fx");
  assert.equal(get.headers.authorization, "Bearer apitok_abc");
  assert.equal(get.headers.accept, "application/json");
  assert.equal(get.headers["user-agent"], "iron-test/1");
  assert.equal(get.headers["content-type"], undefined);
  assert.equal(list.url, "/api/v1/agents?status=active&limit=10");
});

test("a body is sent as JSON; public operations never carry the token; 204 gives undefined", async () => {
  const s = await serve((req) => (req.url.endsWith("/logout") ? { status: 204 } : { status: 201, json: { ok: true } }));
  const client = createControlClient({ baseUrl: s.url, getToken: () => "a.b.c" });
  assert.deepEqual(await client.call("login", { body: { email: "a@b.c", password: "pw-123456789012" } }), { ok: true });
  assert.equal(await client.call("logout"), undefined);
  const [login, logout] = s.requests;
  assert.equal(login.method, "POST");
  assert.equal(login.headers["content-type"], "application/json");
  assert.deepEqual(JSON.parse(login.body), { email: "a@b.c", password: "pw-123456789012" });
  assert.equal(login.headers.authorization, undefined, "login is public: no token");
  assert.equal(logout.headers.authorization, "Bearer a.b.c");
});

test("a refusal becomes ApiError with status, code, message, fields, details and request id", async () => {
  const s = await serve(() => ({
    status: 409,
    headers: { "x-request-id": "req_42" },
    json: { error: { code: "CONFIRMATION_REQUIRED", message: "Lowering the budget needs force.", fields: { budget_usd: "below spent" }, details: { spent_usd: "3.000000" } } },
  }));
  const client = createControlClient({ baseUrl: s.url, getToken: () => "apitok_x" });
  const err = await client.call("setAgentBudget", { params: { id: "agt_1" }, body: { budget_usd: "1" } }).catch((e) => e);
  assert.ok(err instanceof ApiError);
  assert.equal(err.name, "ApiError");
  assert.equal(err.status, 409);
  assert.equal(err.code, "CONFIRMATION_REQUIRED");
  assert.equal(err.message, "Lowering the budget needs force.");
  assert.deepEqual(err.fields, { budget_usd: "below spent" });
  assert.deepEqual(err.details, { spent_usd: "3.000000" });
  assert.equal(err.requestId, "req_42");
});

test("a JSON answer without an error object gives HTTP_<status>", async () => {
  const s = await serve(() => ({ status: 500, json: { oops: true } }));
  const err = await createControlClient({ baseUrl: s.url, getToken: () => null }).call("getMe").catch((e) => e);
  assert.equal(err.code, "HTTP_500");
  assert.equal(err.status, 500);
});

test("401 TOKEN_EXPIRED: refresh is called once and the call retried with the new token", async () => {
  let token = "a.old.jwt";
  const s = await serve((req) => (req.headers.authorization === "Bearer a.new.jwt" ? { status: 200, json: { email: "me@x.y" } } : { status: 401, json: { error: { code: "TOKEN_EXPIRED", message: "expired" } } }));
  let refreshes = 0;
  const client = createControlClient({ baseUrl: s.url, getToken: () => token, refresh: async () => { refreshes++; token = "a.new.jwt"; return true; } });
  assert.deepEqual(await client.call("getMe"), { email: "me@x.y" });
  assert.equal(refreshes, 1);
  assert.deepEqual(s.requests.map((r) => r.headers.authorization), ["Bearer a.old.jwt", "Bearer a.new.jwt"]);
});

test("refresh is tried once only, not for other 401 codes, and false gives up with TOKEN_EXPIRED", async () => {
  const s = await serve((req) => ({ status: 401, json: { error: { code: req.url.endsWith("/me") ? "TOKEN_EXPIRED" : "INVALID_TOKEN", message: "no" } } }));
  let refreshes = 0;
  const always = createControlClient({ baseUrl: s.url, getToken: () => "t", refresh: async () => (refreshes++, true) });
  assert.equal((await always.call("getMe").catch((e) => e)).code, "TOKEN_EXPIRED");
  assert.equal(refreshes, 1, "a still-expired token after refreshing is not refreshed again");
  assert.equal((await always.call("listAgents").catch((e) => e)).code, "INVALID_TOKEN");
  assert.equal(refreshes, 1, "INVALID_TOKEN is not refreshed");
  const never = createControlClient({ baseUrl: s.url, getToken: () => "t", refresh: async () => false });
  assert.equal((await never.call("getMe").catch((e) => e)).status, 401);
  assert.equal(s.requests.length, 4);
});

test("a non-JSON answer is BAD_RESPONSE with its status", async () => {
  const s = await serve((req) => (req.url.endsWith("/me") ? { status: 200, text: "<html>hello</html>" } : { status: 502, text: "Bad Gateway", headers: { "content-type": "text/plain" } }));
  const client = createControlClient({ baseUrl: s.url, getToken: () => "t" });
  const ok = await client.call("getMe").catch((e) => e);
  assert.equal(ok.code, "BAD_RESPONSE");
  assert.equal(ok.status, 200);
  assert.match(ok.message, /not a JSON answer/);
  const bad = await client.call("listAgents").catch((e) => e);
  assert.equal(bad.code, "BAD_RESPONSE");
  assert.equal(bad.status, 502);
});

test("an unreachable server is NETWORK_ERROR; a slow one TIMEOUT; the caller's signal ABORTED", async () => {
  const down = await createControlClient({ baseUrl: "http://127.0.0.1:9", getToken: () => null }).call("getMe").catch((e) => e);
  assert.ok(down instanceof ApiError);
  assert.equal(down.code, "NETWORK_ERROR");
  assert.equal(down.status, 0);
  assert.match(down.message, /cannot reach http:\/\/127\.0\.0\.1:9/);
  const s = await serve(() => "hang");
  const slow = await createControlClient({ baseUrl: s.url, getToken: () => null, timeoutMs: 200 }).call("getMe").catch((e) => e);
  assert.equal(slow.code, "TIMEOUT");
  const controller = new AbortController();
  const pending = createControlClient({ baseUrl: s.url, getToken: () => null, timeoutMs: 10_000 }).call("getMe", { signal: controller.signal }).catch((e) => e);
  setTimeout(() => controller.abort(), 50);
  assert.equal((await pending).code, "ABORTED");
});

test("a missing path parameter is BAD_INPUT before any request; a custom fetch is called as a plain function", async () => {
  const calls = [];
  const client = createControlClient({
    baseUrl: "https://iron.example.com",
    getToken: () => "t",
    fetch: function (url, init) {
      calls.push({ self: this, url, method: init.method });
      return Promise.resolve(new Response(JSON.stringify({ data: [], pagination: { next_cursor: null } }), { status: 200 }));
    },
  });
  const err = await client.request("getAgent", {}).catch((e) => e);
  assert.equal(err.code, "BAD_INPUT");
  assert.equal(calls.length, 0);
  await client.request("listAuditRecords", { query: { after_seq: 7, outcome: null } });
  assert.deepEqual(calls, [{ self: undefined, url: "https://iron.example.com/api/v1/audit?after_seq=7", method: "GET" }]);
});

let doc;
before(async () => {
  const { readFile } = await import("node:fs/promises");
  doc = JSON.parse(await readFile(new URL("../openapi.json", import.meta.url), "utf8"));
});

test("OPERATIONS has every operation of openapi.json, with its method and path", () => {
  const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => [op.operationId, method, path]));
  assert.equal(Object.keys(OPERATIONS).length, documented.length);
  for (const [id, method, path] of documented) assert.deepEqual([OPERATIONS[id]?.method, OPERATIONS[id]?.path], [method, path], id);
});
