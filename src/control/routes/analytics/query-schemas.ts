import { z } from "zod";
import { PERIODS } from "../../../analytics/period";

export const agentIdFilter = z.string().regex(/^agt_[0-9A-Za-z]{1,40}$/, "An agent id (agt_…).").optional()
  .meta({ description: "Only this agent (NOT_FOUND if the caller may not see it)." });
export const projectIdFilter = z.string().regex(/^prj_[0-9A-Za-z]{1,40}$/, "A project id (prj_…).").optional()
  .meta({ description: "Only agents of this project (users: only their own agents in it)." });

const isoTime = z.iso.datetime({ offset: true });

/** The period fields every usage route takes; cross-field rules (custom needs from < to) are checked by `periodOf`. */
export const periodFields = {
  period: z.enum(PERIODS).default("last-30-days").meta({
    description: "UTC days: `today`, `yesterday`, `last-7-days` and `last-30-days` (both including today), `all-time`, or `custom` with `from`/`to`. Periods that include today end with the current hour.",
  }),
  from: isoTime.optional().meta({ description: "period=custom only: start (ISO-8601). Hour resolution: rounded down to the hour." }),
  to: isoTime.optional().meta({ description: "period=custom only: end, exclusive (ISO-8601). Hour resolution: rounded up to the hour. At most 366 days after `from`." }),
  agent_id: agentIdFilter,
  project_id: projectIdFilter,
};
