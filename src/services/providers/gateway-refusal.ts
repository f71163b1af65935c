import type { ControlRefusal } from "../../control/openapi/control-errors";
import { refuse, type Refusal } from "../../errors/refusal";

/** A control-API refusal in the gateway's error family, for callers that predate the control API (seed, fixtures). */
export function asGatewayRefusal(refusal: ControlRefusal): Refusal {
  const [field] = Object.keys(refusal.fields ?? {});
  const extra = field === undefined ? {} : { field };
  if (refusal.code === "NOT_FOUND") return refuse("not_found", refusal.message, extra);
  if (refusal.code === "SERVICE_MISCONFIGURED") return refuse("service_misconfigured", refusal.message, extra);
  return refuse("invalid_request", refusal.message, extra);
}
