import type { OpenApiDocument } from "./document";
import { toOpenApiPath } from "./path";
import { routeKey } from "./registry";

export interface RouteCoverage {
  /** Routes Hono serves under `basePath` that the document does not describe. */
  readonly missingFromDocument: string[];
  /** Operations the document describes that Hono does not serve. */
  readonly missingFromApp: string[];
}

/**
 * Compares what an app really serves (Hono's `app.routes`, after every `.route()` mount) under `basePath` with
 * the document's operations, as `METHOD /path/{param}` keys. Middleware (`ALL`) entries are not routes.
 */
export function routeCoverage(app: { readonly routes: readonly { readonly method: string; readonly path: string }[] }, document: OpenApiDocument, basePath = ""): RouteCoverage {
  const base = basePath.replace(/\/+$/, "");
  const served = new Set<string>();
  for (const route of app.routes) {
    if (route.method === "ALL") continue;
    if (base !== "" && route.path !== base && !route.path.startsWith(`${base}/`)) continue;
    served.add(routeKey(route.method, toOpenApiPath(route.path.slice(base.length) || "/")));
  }
  const documented = new Set<string>();
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const method of Object.keys(operations)) documented.add(routeKey(method, path));
  }
  return {
    missingFromDocument: [...served].filter((key) => !documented.has(key)).sort(),
    missingFromApp: [...documented].filter((key) => !served.has(key)).sort(),
  };
}
