import { controlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { findProvider } from "../../../services/providers/find-provider";
import { providerDetail } from "../../../services/providers/provider-usage";
import { providerIdParams, providerSchema } from "./schemas";

export const getProviderRoute = defineRoute({
  method: "get",
  path: "/providers/:id",
  operationId: "getProvider",
  summary: "A provider, its usage and how many agents use it (never its key)",
  tags: ["providers"],
  role: "viewer",
  params: providerIdParams,
  response: providerSchema,
  errors: ["NOT_FOUND"],
  handler: async (c, { params }) => {
    const row = await findProvider(c.env, params.id);
    return row === null ? controlRefusal("NOT_FOUND", "No such provider.") : providerDetail(c.env, row);
  },
});
