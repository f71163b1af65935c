import { z } from "zod";
import { isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared/audit-context";
import { providerDetail } from "../../../services/providers/provider-usage";
import { rotateProviderKey } from "../../../services/providers/rotate-provider-key";
import { apiKey, LAG_NOTE, providerIdParams, providerSchema } from "./schemas";

export const rotateProviderKeyRoute = defineRoute({
  method: "post",
  path: "/providers/:id/rotate-key",
  operationId: "rotateProviderKey",
  summary: "Replace a provider's key",
  description: `Seals the new key in a fresh envelope; the answer shows its new fingerprint and last 4, the audit record only the fingerprints before and after. ${LAG_NOTE} Keep the old key valid at the vendor for a few minutes.`,
  tags: ["providers"],
  role: "admin",
  audit: "provider.rotate_key",
  params: providerIdParams,
  body: z.strictObject({ api_key: apiKey }),
  response: providerSchema,
  errors: ["NOT_FOUND", "SERVICE_MISCONFIGURED"],
  handler: async (c, { params, body, actor, requestId }) => {
    const row = await rotateProviderKey(c.env, params.id, body.api_key, auditBy(c, actor, requestId));
    return isControlRefusal(row) ? row : providerDetail(c.env, row);
  },
});
