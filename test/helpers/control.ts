import { env } from "cloudflare:workers";
import { SignJWT } from "jose";
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, ACCESS_TOKEN_TYPE } from "../../src/control/auth/access-token";
import { createSession } from "../../src/control/auth/create-session";
import { loadJwtKey } from "../../src/control/auth/jwt-key";
import { logout } from "../../src/control/auth/revoke-sessions";
import type { Role, UserRow } from "../../src/control/auth/schema";
import { expectValue, makeUser, PASSWORD } from "../../src/control/auth/test-support";
import { gatewayFetch } from "./gateway";
import { createTestAgent } from "./fixtures";

export { PASSWORD };

/** A human with a live login session. */
export interface Person {
  readonly user: UserRow;
  readonly id: string;
  readonly role: Role;
  /** A fresh access token (JWT) of a live session. */
  readonly token: string;
  readonly refreshToken: string;
  readonly sessionId: string;
}

/** Everyone the authorization matrix calls as, and credentials that must not work. */
export interface World {
  readonly admin: Person;
  /** A user owning the "own" objects. */
  readonly owner: Person;
  /** Another user owning the "other" objects. */
  readonly other: Person;
  readonly viewer: Person;
  /** A live agent token (`ic_…`): the gateway's, never the control API's. */
  readonly agentToken: string;
  /** A correctly signed access token whose `exp` has passed. */
  readonly expiredToken: string;
  /** An access token whose session was logged out. */
  readonly revokedToken: string;
}

export async function makePerson(role: Role, options: { email?: string; password?: string } = {}): Promise<Person> {
  const user = await makeUser(env, { role, ...options });
  const session = expectValue(await createSession(env, user));
  return { user, id: user.id, role, token: session.accessToken, refreshToken: session.refreshToken, sessionId: session.sessionId };
}

export async function makeWorld(): Promise<World> {
  const [admin, owner, other, viewer, loggedOut] = await Promise.all([makePerson("admin"), makePerson("user"), makePerson("user"), makePerson("viewer"), makePerson("admin")]);
  await logout(env, { userId: loggedOut.id, sessionId: loggedOut.sessionId });
  const agent = await createTestAgent({ budgetUsd: 1 });
  return { admin, owner, other, viewer, agentToken: agent.token, expiredToken: await expiredAccessToken(admin), revokedToken: loggedOut.token };
}

/** A token signed with the real key, with all claims right, that expired a minute ago. */
export async function expiredAccessToken(person: Person): Promise<string> {
  const key = loadJwtKey(env);
  if (key === null) throw new Error("IRON_JWT_SECRET is not set in the test environment");
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sid: person.sessionId, ver: person.user.sessionVersion, role: person.role })
    .setProtectedHeader({ alg: "HS256", typ: ACCESS_TOKEN_TYPE })
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setSubject(person.id)
    .setIssuedAt(now - 660)
    .setExpirationTime(now - 60)
    .setJti(crypto.randomUUID())
    .sign(key);
}

export interface ControlCall {
  /** A bearer token; null sends no Authorization header. */
  readonly token?: string | null;
  /** JSON-encoded unless a string (sent as is). */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** Calls the control API of the Worker under test: `controlFetch("POST", "/agents", { token, body })`. */
export function controlFetch(method: string, path: string, call: ControlCall = {}): Promise<Response> {
  const headers: Record<string, string> = { ...call.headers };
  if (call.token !== undefined && call.token !== null) headers.authorization = `Bearer ${call.token}`;
  let body: string | null = null;
  if (call.body !== undefined) {
    headers["content-type"] ??= "application/json";
    body = typeof call.body === "string" ? call.body : JSON.stringify(call.body);
  }
  return gatewayFetch(`/api/v1${path}`, { method, headers, body });
}

/** `controlFetch`, then the JSON body typed as `T` (no runtime check: assert on it). */
// Like workerd's `Response.json<T>()`: the caller names the shape it expects, the tests assert on it.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export async function controlJson<T>(method: string, path: string, call: ControlCall = {}): Promise<{ status: number; body: T; response: Response }> {
  const response = await controlFetch(method, path, call);
  const text = await response.text();
  return { status: response.status, body: (text === "" ? null : JSON.parse(text)) as T, response };
}

export interface ErrorJson {
  error: { code: string; message: string; fields?: Record<string, string>; details?: Record<string, unknown> };
}

/** The audit records a request wrote (by its x-request-id). */
export async function auditRowsOf(response: Response): Promise<{ action: string; outcome: string; actor_id: string | null; target_type: string | null; target_id: string | null; before: string | null; after: string | null }[]> {
  const requestId = response.headers.get("x-request-id");
  const rows = await env.DB.prepare("SELECT action, outcome, actor_id, target_type, target_id, before, after FROM audit_log WHERE request_id = ? ORDER BY seq").bind(requestId).all<{
    action: string; outcome: string; actor_id: string | null; target_type: string | null; target_id: string | null; before: string | null; after: string | null;
  }>();
  return rows.results;
}
