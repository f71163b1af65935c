import { z } from "zod";
import { listOf, pageQuery } from "../../openapi/common-schemas";
import { defineRoute } from "../../openapi/route";
import { listProviders } from "../../../services/providers/list-providers";
import { PROVIDER_KINDS, providerSchema } from "./schemas";

export const listProvidersRoute = defineRoute({
  method: "get",
  path: "/providers",
  operationId: "listProviders",
  summary: "List providers (never their keys)",
  description: "Viewers and users may list providers: they need provider ids to configure their agents. Oldest first.",
  tags: ["providers"],
  role: "viewer",
  query: pageQuery({ kind: z.enum(PROVIDER_KINDS).optional(), status: z.enum(["active", "disabled"]).optional() }),
  response: listOf(providerSchema),
  errors: [],
  handler: (c, { query }) => listProviders(c.env, query),
});
