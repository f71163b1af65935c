import type { ComponentType } from "preact";
import type { Role } from "./api/types";
import { AgentDetailPage } from "./pages/agents/agent-detail";
import { AgentsPage } from "./pages/agents/agents";
import { ApiTokensPage } from "./pages/api-tokens";
import { AuditPage } from "./pages/audit/audit";
import { BudgetRequestsPage } from "./pages/budget-requests/budget-requests";
import { LimitsPage } from "./pages/limits/limits";
import { OverviewPage } from "./pages/overview/overview";
import { PoliciesPage } from "./pages/policies/policies";
import { ProvidersPage } from "./pages/providers/providers";
import { SafetyPage } from "./pages/safety";
import { UsagePage } from "./pages/usage/usage";
import { UsersPage } from "./pages/users/users";

/** Every screen: its path, its place in the navigation, and the least role that sees it. */
export interface RouteDef {
  readonly path: string;
  readonly title: string;
  readonly page: ComponentType<{ params: Record<string, string> }>;
  readonly group?: string;
  readonly nav?: boolean;
  readonly minRole?: Role;
}

export const ROUTES: readonly RouteDef[] = [
  { path: "/", title: "Overview", page: OverviewPage, group: "Monitor" },
  { path: "/agents", title: "Agents", page: AgentsPage, group: "Monitor" },
  { path: "/agents/:id", title: "Agent", page: AgentDetailPage, nav: false },
  { path: "/usage", title: "Usage & forecast", page: UsagePage, group: "Monitor" },
  { path: "/safety", title: "Safety events", page: SafetyPage, group: "Monitor" },
  { path: "/limits", title: "Limits", page: LimitsPage, group: "Budgets" },
  { path: "/budget-requests", title: "Budget requests", page: BudgetRequestsPage, group: "Budgets" },
  { path: "/policies", title: "Policies", page: PoliciesPage, group: "Configure" },
  { path: "/providers", title: "Providers", page: ProvidersPage, group: "Configure" },
  { path: "/users", title: "Users", page: UsersPage, group: "Configure", minRole: "admin" },
  { path: "/api-tokens", title: "API tokens", page: ApiTokensPage, group: "Configure" },
  { path: "/audit", title: "Audit log", page: AuditPage, group: "Configure" },
];
