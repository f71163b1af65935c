import { isControlRefusal } from "../../openapi/control-errors";
import { defineRoute, type ControlRoute } from "../../openapi/route";
import { auditBy } from "../shared/audit-context";
import { providerDetail } from "../../../services/providers/provider-usage";
import { setProviderStatus } from "../../../services/providers/set-provider-status";
import { LAG_NOTE, providerIdParams, providerSchema } from "./schemas";

function statusRoute(status: "active" | "disabled"): ControlRoute {
  const disable = status === "disabled";
  return defineRoute({
    method: "post",
    path: disable ? "/providers/:id/disable" : "/providers/:id/enable",
    operationId: disable ? "disableProvider" : "enableProvider",
    summary: disable ? "Disable a provider: the gateway stops routing to it" : "Re-enable a disabled provider",
    description: `Idempotent. Calls for models only this provider served are refused as model_not_allowed while it is disabled. ${LAG_NOTE}`,
    tags: ["providers"],
    role: "admin",
    audit: disable ? "provider.disable" : "provider.enable",
    params: providerIdParams,
    response: providerSchema,
    errors: ["NOT_FOUND"],
    handler: async (c, { params, actor, requestId }) => {
      const row = await setProviderStatus(c.env, params.id, status, auditBy(c, actor, requestId));
      return isControlRefusal(row) ? row : providerDetail(c.env, row);
    },
  });
}

export const disableProviderRoute = statusRoute("disabled");
export const enableProviderRoute = statusRoute("active");
