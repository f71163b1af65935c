import { isControlRefusal } from "../../control/openapi/control-errors";
import type { AuditBy } from "../../control/routes/shared/audit-context";
import type { ProjectRow } from "../../db/schema";
import type { Refusal } from "../../errors/refusal";
import { asGatewayRefusal } from "../providers/gateway-refusal";
import { SYSTEM_ACTOR } from "../providers/system-actor";
import { addProject, type AddProjectInput } from "./add-project";

/** `addProject` for callers outside the control API (tests): audited as the system, gateway refusals. */
export async function createProject(env: Env, input: AddProjectInput, by: AuditBy = SYSTEM_ACTOR): Promise<ProjectRow | Refusal> {
  const created = await addProject(env, input, by);
  return isControlRefusal(created) ? asGatewayRefusal(created) : created;
}
