import type { ProjectRow } from "../../db/schema";
import { microsToUsd } from "../../pricing/cost";
import type { ProjectSnapshot } from "../../../durable-objects/project/slices";

/** A project as lists show it. */
export interface ProjectView {
  id: string;
  name: string;
  description: string | null;
  budget_usd: string;
  agents_count: number;
  created_at: string;
  updated_at: string;
}

/** A project with its budget object's figures (GET /projects/:id and single-object answers). */
export interface ProjectDetail extends ProjectView {
  /** What member agents have committed (spent, reserved, leased out), as they last reported it to the project. */
  spent_usd: string;
  /** What the project has lent to member agents (slices, each ≥ what that agent committed). */
  lent_usd: string;
  /** Budget not lent to any agent: what agents can still draw. */
  remaining_usd: string;
}

export function projectView(row: ProjectRow, agentsCount: number): ProjectView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    budget_usd: microsToUsd(row.budgetMicros),
    agents_count: agentsCount,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

export function projectDetail(row: ProjectRow, agentsCount: number, snapshot: ProjectSnapshot | null): ProjectDetail {
  return {
    ...projectView(row, agentsCount),
    spent_usd: microsToUsd(snapshot?.committedMicros ?? 0),
    lent_usd: microsToUsd(snapshot?.heldMicros ?? 0),
    remaining_usd: microsToUsd(snapshot?.remainingMicros ?? row.budgetMicros),
  };
}
