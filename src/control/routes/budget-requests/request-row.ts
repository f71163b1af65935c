import { microsToUsd } from "../../../pricing/cost";
import type { Actor } from "../../openapi/roles";
import type { BudgetRequestJson, RequestStatus } from "./schemas";

/** A budget_requests row (d1-migrations/0009_budget_requests.sql) with the owner of its agent. */
export interface RequestRow {
  id: string;
  agent_id: string;
  requester_id: string;
  current_micros: number;
  requested_micros: number;
  approved_micros: number | null;
  justification: string;
  status: RequestStatus;
  reviewer_id: string | null;
  review_notes: string | null;
  created_at: string;
  decided_at: string | null;
  claim_id: string | null;
  claim_expires_at: string | null;
  /** agents.owner_id of the request's agent (null: no owner, or the agent row is gone). */
  agent_owner_id: string | null;
}

export const SELECT_REQUEST = `SELECT r.*, a.owner_id AS agent_owner_id FROM budget_requests r LEFT JOIN agents a ON a.id = r.agent_id`;

export function loadRequest(db: D1Database, id: string): Promise<RequestRow | null> {
  return db.prepare(`${SELECT_REQUEST} WHERE r.id = ?`).bind(id).first<RequestRow>();
}

/**
 * Who sees a request: admins and viewers all of them; a user the requests on the agents they own, and the ones
 * they made themselves (so a request stays visible to its author if the agent changes hands).
 */
export function canSeeRequest(actor: Actor, row: RequestRow): boolean {
  if (actor.role === "admin" || actor.role === "viewer") return true;
  return actor.role === "user" && (row.agent_owner_id === actor.id || row.requester_id === actor.id);
}

/** An approval in progress holds the request until its claim expires; nobody else may decide it meanwhile. */
export function isClaimed(row: RequestRow, now: string): boolean {
  return row.claim_expires_at !== null && row.claim_expires_at > now;
}

export function requestView(row: RequestRow): BudgetRequestJson {
  return {
    id: row.id,
    agent_id: row.agent_id,
    requester_id: row.requester_id,
    status: row.status,
    current_budget_usd: microsToUsd(row.current_micros),
    requested_budget_usd: microsToUsd(row.requested_micros),
    approved_budget_usd: row.approved_micros === null ? null : microsToUsd(row.approved_micros),
    justification: row.justification,
    reviewer_id: row.reviewer_id,
    review_notes: row.review_notes,
    created_at: row.created_at,
    decided_at: row.decided_at,
  };
}
