import { refuseSelf, requireAdmin, type Actor } from "./admin-guard";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import type { AuditTrail } from "./audit-trail";
import { findUserById } from "./find-user";
import { auditedChange } from "./guarded-batch";
import { KEEPS_AN_ACTIVE_ADMIN, userUpdateStatements } from "./update-user";
import { userAudit, userTarget } from "./user-audit";

/**
 * What a user owns, by table and owner column: on deletion each row passes to the heir in the same batch.
 * Add a table here when a new kind of object gets an owner.
 */
export const OWNED_OBJECTS: readonly { table: string; column: string; touch: boolean }[] = [{ table: "agents", column: "owner_id", touch: true }];

export interface DeletedUser {
  id: string;
  status: "deleted";
  reassignedTo: string;
  /** Rows passed to the heir, by table. */
  reassigned: Record<string, number>;
}

/**
 * Admin: deletes a user. Not yourself (SELF_ACTION_FORBIDDEN), not the last active admin (LAST_ADMIN). In one batch
 * with the audit record: the row becomes `deleted` with its email replaced by `<id>@deleted.invalid` (the address is
 * free for a new account at once; the original stays in the audit record's `before`), every session ends, every
 * API token is revoked, and everything the user owned passes to `reassignTo` — by default the deleting admin.
 * The row itself stays, so ids in history and audit records keep resolving.
 */
export async function deleteUser(env: Env, actor: Actor, userId: string, reassignTo: string | null, trail: AuditTrail): Promise<DeletedUser | AuthRefusal> {
  const refused = requireAdmin(actor) ?? refuseSelf(actor, userId);
  if (refused !== null) return refused;
  const user = await findUserById(env, userId);
  if (user === null || user.status === "deleted") return notFound();
  const heir = reassignTo ?? actor.userId;
  const heirRow = heir === userId ? null : await findUserById(env, heir);
  const heirProblem = heir === userId ? "cannot be the user being deleted" : heirRow === null || heirRow.status === "deleted" ? "no such user" : null;
  if (heirProblem !== null) return authRefuse("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields: { "query.reassign_to": heirProblem } });
  const now = new Date().toISOString();
  const tombstone = `${userId.toLowerCase()}@deleted.invalid`;
  const heirLive = { sql: "EXISTS (SELECT 1 FROM users AS heir WHERE heir.id = ? AND heir.status != 'deleted')", params: [heir] };
  const entry = { ...trail, ...userTarget(userId), outcome: "ok" as const, before: userAudit(user), after: { ...userAudit({ ...user, email: tombstone, status: "deleted" }), reassigned_to: heir } };
  const done = await auditedChange(env.DB, entry, () => [
    ...userUpdateStatements(env.DB, userId, { status: "deleted", email: tombstone }, { endSessions: "deleted", guard: KEEPS_AN_ACTIVE_ADMIN, where: heirLive, now }),
    env.DB.prepare("UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL").bind(now, userId),
    ...OWNED_OBJECTS.map((owned) =>
      env.DB.prepare(`UPDATE ${owned.table} SET ${owned.column} = ?${owned.touch ? ", updated_at = ?" : ""} WHERE ${owned.column} = ?`).bind(...(owned.touch ? [heir, now, userId] : [heir, userId])),
    ),
  ]);
  if (done === false) return whyNot(env, userId, heir);
  const counts = done.slice(-OWNED_OBJECTS.length);
  const reassigned = Object.fromEntries(OWNED_OBJECTS.map((owned, i) => [owned.table, counts[i]?.meta.changes ?? 0]));
  return { id: userId, status: "deleted", reassignedTo: heir, reassigned };
}

/** The guarded UPDATE matched nothing: the user or the heir went away meanwhile, or the user is the last admin. */
async function whyNot(env: Env, userId: string, heir: string): Promise<AuthRefusal> {
  if ((await findUserById(env, userId))?.status === "deleted") return notFound();
  if ((await findUserById(env, heir))?.status === "deleted") return authRefuse("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields: { "query.reassign_to": "no such user" } });
  return authRefuse("LAST_ADMIN", "This is the last active administrator and cannot be deleted.");
}

function notFound(): AuthRefusal {
  return authRefuse("NOT_FOUND", "user not found");
}
