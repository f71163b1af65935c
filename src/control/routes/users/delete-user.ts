import { z } from "zod";
import { accountActor } from "../../auth/account-actor";
import { isAuthRefusal, routeRefusal } from "../../auth/auth-refusal";
import { deleteUser } from "../../auth/delete-user";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared";
import { userId, userIdParams } from "./schemas";

const deletedJson = z
  .object({
    id: z.string(),
    status: z.literal("deleted"),
    reassigned_to: z.string().meta({ description: "The user who now owns what the deleted user owned." }),
    reassigned: z.record(z.string(), z.number().int()).meta({ description: "How many objects passed to them, by kind (`agents`)." }),
  })
  .meta({ id: "DeletedUser" });

export const deleteUserRoute = defineRoute({
  method: "delete",
  path: "/users/:id",
  operationId: "deleteUser",
  summary: "Delete a user",
  description:
    "Not yourself (SELF_ACTION_FORBIDDEN), not the last active admin (LAST_ADMIN). In one step: the user's agents pass to `reassign_to` " +
    "(by default the deleting admin), every session ends, every API token is revoked, and the email is freed for a new account. " +
    "The user stays readable with status `deleted` and a placeholder email (the original is in the audit record).",
  tags: ["users"],
  role: "admin",
  audit: "user.delete",
  params: userIdParams,
  query: z.strictObject({ reassign_to: userId.optional().meta({ description: "Who inherits the user's agents; default: you." }) }),
  response: deletedJson,
  errors: ["NOT_FOUND", "SELF_ACTION_FORBIDDEN", "LAST_ADMIN"],
  handler: async (c, { params, query, actor, requestId }) => {
    const deleted = await deleteUser(c.env, accountActor(actor), params.id, query.reassign_to ?? null, { ...auditBy(c, actor, requestId), action: "user.delete" });
    if (isAuthRefusal(deleted)) return routeRefusal(deleted);
    return { id: deleted.id, status: deleted.status, reassigned_to: deleted.reassignedTo, reassigned: deleted.reassigned };
  },
});
