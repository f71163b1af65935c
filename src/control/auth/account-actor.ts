import type { Actor as ControlActor } from "../openapi/roles";
import type { Actor } from "./admin-guard";

/**
 * The account layer's view of an authenticated control-API caller. Human routes never admit agent callers (the
 * role check refuses them first), so an agent here is a bug, not a refusal.
 */
export function accountActor(actor: ControlActor): Actor {
  if (actor.role === "agent") throw new Error("an agent reached an account operation");
  return { userId: actor.id, role: actor.role };
}
