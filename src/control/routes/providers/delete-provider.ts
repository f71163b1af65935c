import { z } from "zod";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared/audit-context";
import { deleteProvider } from "../../../services/providers/delete-provider";
import { LAG_NOTE, providerIdParams } from "./schemas";

export const deleteProviderRoute = defineRoute({
  method: "delete",
  path: "/providers/:id",
  operationId: "deleteProvider",
  summary: "Delete a provider and its encrypted key",
  description:
    "Refused with CONFLICT while live agents still use it (`error.details.agents` lists them, `agents_count` counts them) unless `force=true`, " +
    `which detaches it from those agents in the same change. ${LAG_NOTE}`,
  tags: ["providers"],
  role: "admin",
  audit: "provider.delete",
  params: providerIdParams,
  query: z.strictObject({ force: z.enum(["true", "false"]).optional().meta({ description: "Detach the provider from the agents using it, then delete." }) }),
  errors: ["NOT_FOUND", "CONFLICT"],
  handler: (c, { params, query, actor, requestId }) => deleteProvider(c.env, params.id, query.force === "true", auditBy(c, actor, requestId)),
});
