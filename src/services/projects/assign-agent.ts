import { isControlRefusal } from "../../control/openapi/control-errors";
import type { AuditBy } from "../../control/routes/shared/audit-context";
import type { Refusal } from "../../errors/refusal";
import type { BudgetSnapshot } from "../../../durable-objects/budget/types";
import { asGatewayRefusal } from "../providers/gateway-refusal";
import { SYSTEM_ACTOR } from "../providers/system-actor";
import { assignProjectAgent } from "./assign-project-agent";

/** `assignProjectAgent` for callers outside the control API (tests): audited as the system, gateway refusals. */
export async function assignAgentToProject(env: Env, agentId: string, projectId: string, by: AuditBy = SYSTEM_ACTOR): Promise<BudgetSnapshot | Refusal> {
  const assigned = await assignProjectAgent(env, projectId, agentId, by);
  return isControlRefusal(assigned) ? asGatewayRefusal(assigned) : assigned.snapshot;
}
