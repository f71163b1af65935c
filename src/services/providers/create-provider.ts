import type { AuditBy } from "../../control/routes/shared/audit-context";
import { isControlRefusal } from "../../control/openapi/control-errors";
import type { Refusal } from "../../errors/refusal";
import { addProvider, type CreateProviderInput } from "./add-provider";
import { asGatewayRefusal } from "./gateway-refusal";
import type { ProviderView } from "./provider-view";
import { SYSTEM_ACTOR } from "./system-actor";

export type { CreateProviderInput };

/** `addProvider` for callers outside the control API (dev seed, test fixtures): audited as the system, gateway refusals. */
export async function createProvider(env: Env, input: CreateProviderInput, by: AuditBy = SYSTEM_ACTOR): Promise<ProviderView | Refusal> {
  const created = await addProvider(env, input, by);
  return isControlRefusal(created) ? asGatewayRefusal(created) : created;
}
