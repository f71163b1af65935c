import { z } from "zod";
import { accountActor } from "../../auth/account-actor";
import { findUserById } from "../../auth/find-user";
import { toUserView } from "../../auth/user-view";
import { controlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { humanRole, userJson, userJsonOf } from "../users/schemas";

const meJson = userJson
  .extend({
    via: z.enum(["session", "api_token"]).meta({ description: "How this call authenticated." }),
    effective_role: humanRole.meta({ description: "The role this call acts with: the user's role, or less under a capped API token." }),
  })
  .meta({ id: "Me" });

export const meRoute = defineRoute({
  method: "get",
  path: "/auth/me",
  operationId: "getMe",
  summary: "Who am I",
  tags: ["auth"],
  role: "viewer",
  response: meJson,
  errors: ["NOT_FOUND"],
  handler: async (c, { actor }) => {
    const me = accountActor(actor);
    const row = await findUserById(c.env, me.userId);
    if (row === null) return controlRefusal("NOT_FOUND", "user not found");
    return { ...userJsonOf(toUserView(row)), via: actor.tokenId === undefined ? ("session" as const) : ("api_token" as const), effective_role: me.role };
  },
});
