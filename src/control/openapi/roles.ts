/**
 * Who may call a route. `admin > user > viewer` is a hierarchy; `agent` (an agent's own token) is a separate
 * kind of caller that never passes a human role check, and a human never passes an `agent` route; `public`
 * routes (login, the OpenAPI document) need no credentials.
 */
export type Role = "admin" | "user" | "viewer" | "agent" | "public";
export type ActorRole = Exclude<Role, "public">;

/** An authenticated caller, as the authenticator resolved it for this request. */
export interface Actor {
  readonly id: string;
  readonly role: ActorRole;
  /** The login session (refresh family) the caller's access token belongs to. */
  readonly sessionId?: string;
  /** The API token the caller authenticated with. */
  readonly tokenId?: string;
}

const HUMAN_RANK = { viewer: 1, user: 2, admin: 3 } as const;

export type RoleCheck = "ok" | "unauthenticated" | "forbidden";

export function checkRole(required: Role, actor: Actor | null): RoleCheck {
  if (required === "public") return "ok";
  if (actor === null) return "unauthenticated";
  if (required === "agent" || actor.role === "agent") return required === actor.role ? "ok" : "forbidden";
  return HUMAN_RANK[actor.role] >= HUMAN_RANK[required] ? "ok" : "forbidden";
}
