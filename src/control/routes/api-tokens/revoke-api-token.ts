import { accountActor } from "../../auth/account-actor";
import { isAuthRefusal, routeRefusal } from "../../auth/auth-refusal";
import { revokeApiToken } from "../../auth/revoke-api-token";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared";
import { apiTokenIdParams, apiTokenJson, apiTokenJsonOf } from "./schemas";

export const revokeApiTokenRoute = defineRoute({
  method: "delete",
  path: "/api-tokens/:id",
  operationId: "revokeApiToken",
  summary: "Revoke an API token",
  description: "Your own, or anyone's for an admin; someone else's is NOT_FOUND. Refused on its very next use. Revoking twice is harmless.",
  tags: ["api-tokens"],
  role: "viewer",
  audit: "api_token.revoke",
  params: apiTokenIdParams,
  response: apiTokenJson,
  errors: ["NOT_FOUND"],
  handler: async (c, { params, actor, requestId }) => {
    const revoked = await revokeApiToken(c.env, accountActor(actor), params.id, { ...auditBy(c, actor, requestId), action: "api_token.revoke" });
    return isAuthRefusal(revoked) ? routeRefusal(revoked) : apiTokenJsonOf(revoked);
  },
});
