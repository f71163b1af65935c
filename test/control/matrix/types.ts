import type { Person, World } from "../../helpers/control";

/** Whose object a matrix cell targets: one owned by `world.owner` ("own") or by `world.other` ("other"). */
export type Whose = "own" | "other";

/**
 * How a route decides access beyond its role (the role itself comes from the route table):
 * - "owned": the route acts on one object with an owner (an agent, an API token, a budget request…): admins on
 *   any, users only on their own (others get NOT_FOUND), viewers read any (when the route's role lets them in).
 * - "any": every caller the role admits succeeds, whatever the object (lists filtered by owner, the caller's own
 *   profile, global objects such as providers for admins).
 * - "public": no credentials needed.
 */
export type Access = "owned" | "any" | "public";

export interface MatrixRequest {
  /** Relative to /api/v1, with the query string if any: `/agents/agt_…?x=1`. */
  readonly path: string;
  readonly body?: unknown;
}

export interface MatrixCase {
  readonly access: Access;
  /**
   * Builds a fresh, valid request whose target belongs to `world.owner` (own) or `world.other` (other),
   * creating whatever it needs (every cell gets its own objects, so a delete can succeed in every cell).
   * `caller` is who will send it (null for the credential-less cells), for routes about the caller itself.
   */
  prepare(world: World, whose: Whose, caller: Person | null): Promise<MatrixRequest>;
}

/** operationId → its case. Every route of the registry must have one (the matrix test fails otherwise). */
export type MatrixCases = Readonly<Record<string, MatrixCase>>;
