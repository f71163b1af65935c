import type { ControlRoute } from "./route";
import { toOpenApiPath } from "./path";

/** The control API's routes, in declaration order. One per method + path; operation ids unique. */
export class RouteRegistry {
  readonly #routes: ControlRoute[] = [];

  add(...routes: ControlRoute[]): this {
    for (const route of routes) {
      const key = routeKey(route.method, route.path);
      const shape = (path: string): string => toOpenApiPath(path).replace(/\{[^}]+\}/g, "{}");
      const clash = this.#routes.find((known) => (known.method === route.method && shape(known.path) === shape(route.path)) || known.operationId === route.operationId);
      if (clash !== undefined) throw new Error(`Route ${key} (${route.operationId}) clashes with ${routeKey(clash.method, clash.path)} (${clash.operationId}).`);
      this.#routes.push(route);
    }
    return this;
  }

  routes(): readonly ControlRoute[] {
    return this.#routes;
  }
}

export interface RouteSummary {
  readonly method: string;
  readonly path: string;
  readonly openApiPath: string;
  readonly operationId: string;
  readonly role: string;
  readonly tags: readonly string[];
  readonly errors: readonly string[];
}

/** A flat listing of the registry (for tests, the authorization matrix, docs): method upper-case, both path forms. */
export function listRoutes(registry: RouteRegistry): RouteSummary[] {
  return registry.routes().map((route) => ({
    method: route.method.toUpperCase(),
    path: route.path,
    openApiPath: toOpenApiPath(route.path),
    operationId: route.operationId,
    role: route.role,
    tags: route.tags,
    errors: route.errors,
  }));
}

/** `GET /agents/{id}`: the same key for a Hono route and an OpenAPI operation. */
export function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${toOpenApiPath(path)}`;
}
