import type { ControlRoute } from "../../../src/control/openapi/route";
import type { Access, Whose } from "./types";

/** Who calls, in the matrix: the four humans of the world, and four kinds of credentials that must not work. */
export const CALLERS = ["admin", "owner", "other", "viewer", "agent_token", "no_token", "expired_token", "revoked_session"] as const;
export type Caller = (typeof CALLERS)[number];

export const WHOSE: readonly Whose[] = ["own", "other"];

export type Expectation = { kind: "success" } | { kind: "refused"; status: number; code: string };

const RANK = { viewer: 1, user: 2, admin: 3 } as const;
const HUMAN_ROLE = { admin: "admin", owner: "user", other: "user", viewer: "viewer" } as const;
const CREDENTIAL_REFUSAL: Readonly<Record<string, string>> = {
  agent_token: "INVALID_TOKEN",
  no_token: "UNAUTHORIZED",
  expired_token: "TOKEN_EXPIRED",
  revoked_session: "SESSION_REVOKED",
};

/**
 * What a cell must answer, from the route table alone: the route's role, and how it treats ownership.
 * `own` objects belong to the `owner` user, `other` objects to the `other` user.
 */
export function expectation(route: ControlRoute, access: Access, caller: Caller, whose: Whose): Expectation | null {
  if (access === "public" || route.role === "public") return null;
  const credential = CREDENTIAL_REFUSAL[caller];
  if (credential !== undefined) return { kind: "refused", status: 401, code: credential };
  const role = HUMAN_ROLE[caller as keyof typeof HUMAN_ROLE];
  if (route.role === "agent" || RANK[role] < RANK[route.role]) return { kind: "refused", status: 403, code: "FORBIDDEN" };
  if (access === "owned" && role === "user") {
    const owns = (caller === "owner") === (whose === "own");
    if (!owns) return { kind: "refused", status: 404, code: "NOT_FOUND" };
  }
  return { kind: "success" };
}
