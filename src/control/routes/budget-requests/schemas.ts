import { z } from "zod";
import { usdText } from "../shared";

/** Path `:id` of a budget change request. */
export const requestIdParams = z.object({ id: z.string().regex(/^brq_[0-9A-Za-z]{1,32}$/, "A budget request id (brq_…).") });

export const agentIdField = z.string().regex(/^agt_[0-9A-Za-z]{1,32}$/, "An agent id (agt_…).");

export const REQUEST_STATUSES = ["pending", "approved", "rejected", "cancelled"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Review notes: required to reject, optional to approve. */
export const notesField = z.string().trim().min(1).max(2000);

export const budgetRequestSchema = z
  .object({
    id: z.string(),
    agent_id: z.string(),
    requester_id: z.string(),
    status: z.enum(REQUEST_STATUSES),
    current_budget_usd: usdText.meta({ description: "The agent's budget when the request was made." }),
    requested_budget_usd: usdText.meta({ description: "The new total budget asked for." }),
    approved_budget_usd: usdText.nullable().meta({ description: "The new total budget granted (approved requests only); may differ from the one asked for." }),
    justification: z.string(),
    reviewer_id: z.string().nullable().meta({ description: "Who moved the request out of `pending`: the approver, the rejecter, or whoever cancelled it." }),
    review_notes: z.string().nullable(),
    created_at: z.string(),
    decided_at: z.string().nullable(),
  })
  .meta({ id: "BudgetRequest" });

export type BudgetRequestJson = z.input<typeof budgetRequestSchema>;

/** The approval's answer: the request, and the agent's budget as its budget object now enforces it. */
export const approvalSchema = budgetRequestSchema
  .extend({
    applied: z.object({
      old_budget_usd: usdText.meta({ description: "The agent's budget just before the approval (it may have changed since the request)." }),
      new_budget_usd: usdText,
      spent_usd: usdText,
      remaining_usd: usdText.meta({ description: "0 when the new budget is below what is already spent and reserved: the agent is exhausted, never negative." }),
    }),
  })
  .meta({ id: "BudgetRequestApproval" });
