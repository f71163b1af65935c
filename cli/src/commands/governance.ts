import type { CommandSpec } from "./spec.js";

const BUDGET_REQUEST_COLUMNS = ["id", "agent_id", "status", "current_budget_usd", "requested_budget_usd", "approved_budget_usd", "created_at"];
const AUDIT_COLUMNS = ["seq", "at", "actor.id", "action", "target.type", "target.id", "outcome", "request_id"];

/** Limits, budget requests (`iron requests`), policies, usage (analytics), audit, and the request log (`iron calls`). */
export const GOVERNANCE_COMMANDS: readonly CommandSpec[] = [
  { words: ["limits", "get"], operationId: "getAgentLimits", args: ["id"], examples: ["iron limits get agt_123"] },
  { words: ["limits", "set"], operationId: "setAgentBudget", args: ["id"], aliases: { budget: "budget_usd" }, examples: ["iron limits set agt_123 --budget 40", "iron limits set agt_123 --budget 10 --force --reason 'over-spent'"] },
  { words: ["limits", "rate"], operationId: "setAgentRateLimits", args: ["id"], aliases: { rpm: "requests_per_minute", tpm: "tokens_per_minute", concurrent: "concurrent_requests" }, examples: ["iron limits rate agt_123 --rpm 60 --tpm 100000 --concurrent 4", "iron limits rate agt_123 --rpm null --tpm null --concurrent null"] },
  { words: ["limits", "project"], operationId: "setProjectBudget", args: ["id"], aliases: { budget: "budget_usd" }, examples: ["iron limits project prj_123 --budget 500"] },
  { words: ["limits", "history"], operationId: "listBudgetHistory", columns: ["id", "at", "target_type", "target_id", "source", "old_budget_usd", "new_budget_usd", "actor_id"], examples: ["iron limits history --target-id agt_123"] },

  { words: ["requests", "list"], operationId: "listBudgetRequests", columns: BUDGET_REQUEST_COLUMNS, aliases: { agent: "agent_id" }, examples: ["iron requests list --status pending"] },
  { words: ["requests", "get"], operationId: "getBudgetRequest", args: ["id"], examples: ["iron requests get brq_123"] },
  { words: ["requests", "create"], operationId: "createBudgetRequest", aliases: { agent: "agent_id", budget: "requested_budget_usd", reason: "justification" }, examples: ["iron requests create --agent agt_123 --budget 50 --reason 'bigger crawl'"] },
  { words: ["requests", "approve"], operationId: "approveBudgetRequest", args: ["id"], aliases: { amount: "amount_usd" }, examples: ["iron requests approve brq_123", "iron requests approve brq_123 --amount 30 --notes 'half now'"] },
  { words: ["requests", "reject"], operationId: "rejectBudgetRequest", args: ["id"], examples: ["iron requests reject brq_123 --notes 'not this quarter'"] },
  { words: ["requests", "cancel"], operationId: "cancelBudgetRequest", args: ["id"], examples: ["iron requests cancel brq_123"] },

  { words: ["policies", "get"], operationId: "getAgentPolicy", args: ["id"], examples: ["iron policies get agt_123 -o yaml"] },
  { words: ["policies", "set"], operationId: "putAgentPolicy", args: ["id"], examples: ["iron policies set agt_123 --body @policy.json", "iron policies get agt_123 -o json | iron policies set agt_456 --body -"] },
  { words: ["policies", "delete"], operationId: "deleteAgentPolicy", args: ["id"], examples: ["iron policies delete agt_123"] },
  { words: ["policies", "effective"], operationId: "getEffectivePolicy", args: ["id"], examples: ["iron policies effective agt_123"] },
  { words: ["policies", "project", "get"], operationId: "getProjectPolicy", args: ["id"], examples: ["iron policies project get prj_123"] },
  { words: ["policies", "project", "set"], operationId: "putProjectPolicy", args: ["id"], examples: ["iron policies project set prj_123 --body @policy.json"] },
  { words: ["policies", "project", "delete"], operationId: "deleteProjectPolicy", args: ["id"], examples: ["iron policies project delete prj_123"] },

  {
    words: ["usage"], operationId: "getAnalyticsSpend", rows: "groups", columns: ["key", "name", "cost_usd", "requests", "success_rate", "avg_latency_ms"],
    aliases: { by: "group_by", agent: "agent_id", project: "project_id" }, summary: "Spend and calls for a period, optionally grouped",
    examples: ["iron usage --by agent --period last-7-days", "iron usage --agent agt_123 --period today -o json"],
  },
  { words: ["usage", "timeseries"], operationId: "getAnalyticsTimeseries", rows: "points", aliases: { by: "group_by", agent: "agent_id", project: "project_id" }, examples: ["iron usage timeseries --period last-7-days --interval day"] },
  { words: ["usage", "models"], operationId: "getAnalyticsModelUsage", aliases: { agent: "agent_id", project: "project_id" }, examples: ["iron usage models --period last-30-days"] },
  { words: ["usage", "budgets"], operationId: "getAnalyticsBudgetStatus", columns: ["agent_id", "name", "status", "budget_usd", "spent_usd", "remaining_usd", "percent_used", "risk_level"], aliases: { agent: "agent_id", project: "project_id", risk: "risk_level" }, examples: ["iron usage budgets --risk critical"] },
  { words: ["usage", "forecast"], operationId: "getAnalyticsForecast", aliases: { agent: "agent_id", project: "project_id" }, examples: ["iron usage forecast --agent agt_123"] },

  { words: ["audit", "list"], operationId: "listAuditRecords", columns: AUDIT_COLUMNS, aliases: { actor: "actor_id", target: "target_id" }, examples: ["iron audit list --actor usr_123", "iron audit list --action agent. --outcome denied"] },
  { words: ["audit", "verify"], operationId: "verifyAuditChain", examples: ["iron audit verify"] },

  { words: ["calls", "list"], operationId: "listRequests", columns: ["id", "created_at", "agent_id", "model", "status", "outcome", "cost_usd", "latency_ms"], aliases: { agent: "agent_id" }, examples: ["iron calls list --agent agt_123 --model gpt-4o-mini"] },
  { words: ["calls", "get"], operationId: "getRequest", args: ["id"], examples: ["iron calls get req_123"] },

  { words: ["openapi"], operationId: "getOpenApiDocument", summary: "Print the server's OpenAPI document", examples: ["iron openapi > openapi.json"] },
];
