import { RouteRegistry } from "../openapi/registry";
import { agentsRoutes } from "../routes/agents";
import { analyticsRoutes } from "../routes/analytics";
import { apiTokensRoutes } from "../routes/api-tokens";
import { auditRoutes } from "../routes/audit";
import { authRoutes } from "../routes/auth";
import { budgetRequestsRoutes } from "../routes/budget-requests";
import { limitsRoutes } from "../routes/limits";
import { getOpenApiRoute } from "../routes/meta/get-openapi";
import { policiesRoutes } from "../routes/policies";
import { projectsRoutes } from "../routes/projects";
import { providersRoutes } from "../routes/providers";
import { requestsRoutes } from "../routes/requests";
import { usersRoutes } from "../routes/users";
import { budgetProtocolRoutes } from "../../budget-api/routes";

let registry: RouteRegistry | null = null;

/** Every route under `/api/v1`, declared once: what is mounted is exactly what the OpenAPI document describes. */
export function controlRegistry(): RouteRegistry {
  if (registry !== null) return registry;
  registry = new RouteRegistry().add(
    getOpenApiRoute(controlRegistry),
    ...authRoutes,
    ...usersRoutes,
    ...apiTokensRoutes,
    ...agentsRoutes,
    ...limitsRoutes,
    ...providersRoutes,
    ...projectsRoutes,
    ...policiesRoutes,
    ...budgetRequestsRoutes,
    ...analyticsRoutes,
    ...auditRoutes,
    ...requestsRoutes,
    ...budgetProtocolRoutes,
  );
  return registry;
}
