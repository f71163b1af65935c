import type { AuditBy } from "../../control/routes/shared/audit-context";

/** Who a change is recorded as when no control-API caller made it (the dev seed, test fixtures). */
export const SYSTEM_ACTOR: AuditBy = { actorId: null, actorRole: "system", ip: null, requestId: null };
