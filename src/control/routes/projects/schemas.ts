import { z } from "zod";
import { usdText } from "../shared/money";

export const projectIdParams = z.object({ id: z.string().regex(/^prj_[0-9A-Za-z]{1,40}$/, "A project id (prj_…).") });
export const agentId = z.string().regex(/^agt_[0-9A-Za-z]{1,40}$/, "An agent id (agt_…).");
export const projectName = z.string().trim().min(1).max(100);
export const projectDescription = z.string().max(1000).nullable();

const projectFields = {
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  budget_usd: usdText,
  agents_count: z.number().int().meta({ description: "Live agents assigned to the project." }),
  created_at: z.string(),
  updated_at: z.string(),
};

export const projectSchema = z.object(projectFields).meta({ id: "Project" });

export const projectDetailSchema = z
  .object({
    ...projectFields,
    spent_usd: usdText.meta({ description: "What member agents have committed (spent, reserved, leased out) as they last reported it to the project; it trails their own ledgers until they next draw or return budget." }),
    lent_usd: usdText.meta({ description: "Budget lent to member agents as slices; always ≥ spent_usd." }),
    remaining_usd: usdText.meta({ description: "Budget not lent to any agent." }),
  })
  .meta({ id: "ProjectDetail" });
