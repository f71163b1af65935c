import { z } from "zod";
import type { ProjectRow } from "../../../db/schema";
import { microsToUsd } from "../../../pricing/cost";
import type { ProjectSnapshot } from "../../../../durable-objects/project/slices";
import { usdText } from "../shared";

/** A project's budget as its budget object sees it: slices lent to member agents (held) and what they committed. */
export const projectBudgetJson = z
  .object({
    project_id: z.string(),
    budget_usd: usdText,
    previous_budget_usd: usdText,
    held_usd: usdText.meta({ description: "Slices of the budget lent to member agents' budget objects." }),
    committed_usd: usdText.meta({ description: "What member agents report as spent, reserved or leased out." }),
    remaining_usd: usdText,
  })
  .meta({ id: "ProjectBudgetSet" });

export function projectBudgetOf(projectId: string, budgetMicros: number, previousMicros: number, snapshot: ProjectSnapshot | null): z.input<typeof projectBudgetJson> {
  const held = snapshot?.heldMicros ?? 0;
  return {
    project_id: projectId,
    budget_usd: microsToUsd(budgetMicros),
    previous_budget_usd: microsToUsd(previousMicros),
    held_usd: microsToUsd(held),
    committed_usd: microsToUsd(snapshot?.committedMicros ?? 0),
    remaining_usd: microsToUsd(Math.max(0, budgetMicros - held)),
  };
}

/**
 * What lowering a project's budget would do: exhausted (its agents have already committed that much), over-lent
 * (slices already lent exceed it: agents keep spending what they hold, and get no more until it is back under).
 */
export function projectBudgetPreview(project: ProjectRow, snapshot: ProjectSnapshot | null, newMicros: number, memberAgents: number): Record<string, unknown> {
  const held = snapshot?.heldMicros ?? 0;
  const committed = snapshot?.committedMicros ?? 0;
  return {
    project_id: project.id,
    current_budget_usd: microsToUsd(project.budgetMicros),
    new_budget_usd: microsToUsd(newMicros),
    held_usd: microsToUsd(held),
    committed_usd: microsToUsd(committed),
    remaining_usd: microsToUsd(Math.max(0, project.budgetMicros - held)),
    remaining_after_usd: microsToUsd(Math.max(0, newMicros - held)),
    exhausted_after: newMicros <= committed,
    over_lent_after: held > newMicros,
    member_agents: memberAgents,
  };
}
