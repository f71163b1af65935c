import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { hashToken } from "../../../src/tokens/opaque-token";
import { REFRESH_GRACE_MS } from "../../../src/control/auth/refresh-session";
import { makeUser } from "../../../src/control/auth/test-support";
import { auditRowsOf, controlFetch, controlJson, makePerson, PASSWORD } from "../../helpers/control";
import { loginOk, refusalOf, type SessionJson } from "./support";

const refresh = (refreshToken: string): Promise<Response> => controlFetch("POST", "/auth/refresh", { body: { refresh_token: refreshToken } });
const me = (token: string): Promise<Response> => controlFetch("GET", "/auth/me", { token });

/** As if the rotation of this refresh token happened longer ago than the grace window. */
async function ageRotation(refreshToken: string): Promise<void> {
  const past = new Date(Date.now() - REFRESH_GRACE_MS - 1000).toISOString();
  await env.DB.prepare("UPDATE sessions SET revoked_at = ? WHERE refresh_hash = ?").bind(past, await hashToken(refreshToken)).run();
}

describe("POST /auth/refresh", () => {
  it("rotates: new tokens that work, one auth.refresh record; the old refresh token no longer refreshes", async () => {
    const user = await makeUser(env);
    const first = await loginOk(user.email, PASSWORD);
    const res = await refresh(first.refresh_token);
    expect(res.status).toBe(200);
    expect((await auditRowsOf(res)).map((r) => [r.action, r.outcome, r.actor_id])).toEqual([["auth.refresh", "ok", user.id]]);
    const second = await res.json<SessionJson>();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.user).toEqual(first.user);
    expect((await me(second.access_token)).status).toBe(200);
    expect(await refusalOf(await refresh(first.refresh_token))).toEqual([409, "CONFLICT"]);
  });

  it("reuse after the grace window revokes the whole family: the newest access token fails on its next call", async () => {
    const user = await makeUser(env);
    const first = await loginOk(user.email, PASSWORD);
    const second = await (await refresh(first.refresh_token)).json<SessionJson>();
    expect((await me(second.access_token)).status).toBe(200);
    await ageRotation(first.refresh_token);
    const reuse = await refresh(first.refresh_token);
    expect(await refusalOf(reuse.clone())).toEqual([401, "SESSION_REVOKED"]);
    expect((await auditRowsOf(reuse)).map((r) => [r.action, r.outcome])).toEqual([["auth.refresh", "denied"]]);
    expect(await refusalOf(await me(second.access_token))).toEqual([401, "SESSION_REVOKED"]);
    expect(await refusalOf(await refresh(second.refresh_token))).toEqual([401, "SESSION_REVOKED"]);
    // Other sessions of the user are not touched.
    const other = await loginOk(user.email, PASSWORD);
    expect((await me(other.access_token)).status).toBe(200);
  });

  it("two tabs refreshing with one token at once: one rotates, the other gets CONFLICT, and the session survives", async () => {
    const user = await makeUser(env);
    const first = await loginOk(user.email, PASSWORD);
    const answers = await Promise.all([refresh(first.refresh_token), refresh(first.refresh_token)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200);
    if (winner === undefined) throw new Error("no winner");
    const session = await winner.json<SessionJson>();
    expect((await me(session.access_token)).status).toBe(200);
    expect((await refresh(session.refresh_token)).status).toBe(200);
  });

  it("refuses unknown and malformed refresh tokens, and access tokens posing as refresh tokens", async () => {
    const person = await makePerson("user");
    expect(await refusalOf(await refresh(`irt_${"A".repeat(43)}`))).toEqual([401, "INVALID_TOKEN"]);
    expect(await refusalOf(await refresh(person.token))).toEqual([401, "INVALID_TOKEN"]);
  });
});

describe("POST /auth/logout", () => {
  it("ends the caller's session on the very next call (access and refresh token); other sessions live on", async () => {
    const user = await makeUser(env);
    const phone = await loginOk(user.email, PASSWORD);
    const laptop = await loginOk(user.email, PASSWORD);
    const res = await controlFetch("POST", "/auth/logout", { token: phone.access_token });
    expect(res.status).toBe(204);
    expect((await auditRowsOf(res)).map((r) => [r.action, r.outcome, r.actor_id])).toEqual([["auth.logout", "ok", user.id]]);
    expect(await refusalOf(await me(phone.access_token))).toEqual([401, "SESSION_REVOKED"]);
    expect(await refusalOf(await refresh(phone.refresh_token))).toEqual([401, "SESSION_REVOKED"]);
    expect((await me(laptop.access_token)).status).toBe(200);
  });

  it("with an API token: FORBIDDEN (no session to end); the token keeps working", async () => {
    const person = await makePerson("user");
    const created = await controlJson<{ token: string }>("POST", "/api-tokens", { token: person.token, body: { name: "ci" } });
    const res = await controlFetch("POST", "/auth/logout", { token: created.body.token });
    expect(await refusalOf(res.clone())).toEqual([403, "FORBIDDEN"]);
    expect((await auditRowsOf(res)).map((r) => [r.action, r.outcome])).toEqual([["auth.logout", "denied"]]);
    expect((await me(created.body.token)).status).toBe(200);
  });
});
