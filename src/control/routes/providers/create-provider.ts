import { z } from "zod";
import { isControlRefusal, controlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared/audit-context";
import { addProvider } from "../../../services/providers/add-provider";
import { providerDetail } from "../../../services/providers/provider-usage";
import { findProvider } from "../../../services/providers/find-provider";
import { apiKey, baseUrl, DEFAULT_BASE_URL, modelList, PROVIDER_KINDS, providerName, providerSchema } from "./schemas";

export const createProviderRoute = defineRoute({
  method: "post",
  path: "/providers",
  operationId: "createProvider",
  summary: "Add a provider (its key is write-only)",
  description:
    "Stores the key encrypted (envelope encryption under IRON_MASTER_KEY); the answer and every later read show only its fingerprint and last 4 characters. `base_url` defaults per kind (required for openai_compatible).",
  tags: ["providers"],
  role: "admin",
  status: 201,
  audit: "provider.create",
  body: z.strictObject({ name: providerName, kind: z.enum(PROVIDER_KINDS), base_url: baseUrl.optional(), api_key: apiKey, models: modelList.optional() }),
  response: providerSchema,
  errors: ["CONFLICT", "SERVICE_MISCONFIGURED"],
  handler: async (c, { body, actor, requestId }) => {
    const url = body.base_url ?? DEFAULT_BASE_URL[body.kind];
    if (url === null) return controlRefusal("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields: { base_url: "Required for openai_compatible providers." } });
    const created = await addProvider(c.env, { name: body.name, kind: body.kind, baseUrl: url, apiKey: body.api_key, models: body.models ?? null }, auditBy(c, actor, requestId));
    if (isControlRefusal(created)) return created;
    const row = await findProvider(c.env, created.id);
    if (row === null) throw new Error("provider vanished after creation");
    return providerDetail(c.env, row);
  },
});
