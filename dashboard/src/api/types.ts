import type * as C from "../../../client/src/index";
import type { OperationResponse } from "../../../client/src/index";

/**
 * The shapes the dashboard reads, named as the screens think of them: the shared typed client's schemas
 * (generated from the OpenAPI document), plus the few the document leaves open (a decrease preview).
 * Money is a 6-decimal USD string, times are ISO-8601 UTC.
 */
export type Role = C.Me["role"];
export type RiskLevel = C.Agent["risk_level"];
export type Period = C.AnalyticsPeriod["name"];
export type SafetyAction = C.EffectivePolicy["safety"]["input"]["secrets"];

export interface Page<T> {
  readonly data: readonly T[];
  readonly pagination: C.Pagination;
}

export type Me = C.Me;
export type SessionAnswer = C.Session;
export type AgentSummary = C.AgentSummary;
export type AgentDetail = C.Agent;
export type AgentLease = C.AgentLease;
export type RateLimits = C.AgentRateLimits;
export type BudgetStatusRow = C.AgentBudgetStatus;
export type Provider = C.Provider;
export type User = C.User;
export type BudgetRequest = C.BudgetRequest;
export type ApiTokenRow = C.ApiToken;
export type AuditRecord = C.AuditRecord;
export type AuditVerification = C.AuditChainReport;
export type RequestRecord = C.AgentRequest;
export type SafetyFinding = C.AgentRequest["safety"][number];
export type ForecastRow = C.AgentBudgetForecast;
export type ModelUsageRow = C.AnalyticsModelUsage;
export type PolicyBody = C.PolicyDocument;
export type StoredPolicy = C.Policy;
export type EffectivePolicy = C.EffectivePolicy;
export type Project = C.Project;
export type Pagination = C.Pagination;
export type SpendAnswer = OperationResponse<"getAnalyticsSpend">;
export type TimeseriesAnswer = OperationResponse<"getAnalyticsTimeseries">;

/** What lowering a budget would do: `error.details` of CONFIRMATION_REQUIRED (not described by the document). */
export interface BudgetPreview {
  readonly current_budget_usd?: string;
  readonly new_budget_usd?: string;
  readonly spent_usd?: string;
  readonly reserved_usd?: string;
  readonly leased_out_usd?: string;
  readonly remaining_usd?: string;
  readonly remaining_after_usd?: string;
  readonly risk_level_after?: string;
  readonly exhausted_after?: boolean;
  readonly blocked_after?: boolean;
  readonly leases_cut?: boolean;
  readonly open_leases?: number;
  readonly open_reservations?: number;
}
