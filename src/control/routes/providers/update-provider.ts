import { z } from "zod";
import { isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared/audit-context";
import { providerDetail } from "../../../services/providers/provider-usage";
import { updateProvider } from "../../../services/providers/update-provider";
import { baseUrl, LAG_NOTE, modelList, providerIdParams, providerName, providerSchema } from "./schemas";

export const updateProviderRoute = defineRoute({
  method: "patch",
  path: "/providers/:id",
  operationId: "updateProvider",
  summary: "Rename a provider, move its base URL or change its models",
  description: `The key is changed only by rotate-key; the kind never. ${LAG_NOTE}`,
  tags: ["providers"],
  role: "admin",
  audit: "provider.update",
  params: providerIdParams,
  body: z.strictObject({ name: providerName.optional(), base_url: baseUrl.optional(), models: modelList.optional() }),
  response: providerSchema,
  errors: ["NOT_FOUND", "CONFLICT"],
  handler: async (c, { params, body, actor, requestId }) => {
    const change: { name?: string; baseUrl?: string; models?: string[] | null } = {};
    if (body.name !== undefined) change.name = body.name;
    if (body.base_url !== undefined) change.baseUrl = body.base_url;
    if (body.models !== undefined) change.models = body.models;
    const row = await updateProvider(c.env, params.id, change, auditBy(c, actor, requestId));
    return isControlRefusal(row) ? row : providerDetail(c.env, row);
  },
});
