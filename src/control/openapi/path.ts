/**
 * Route paths are declared Hono style (`/agents/:id/token`), relative to the API's base (`/api/v1`). Only plain
 * segments and whole-segment `:name` parameters are allowed, so the OpenAPI form (`/agents/{id}/token`) is exact.
 */
const LITERAL = /^[a-z0-9][a-z0-9._-]*$/;
const PARAM = /^:([a-z_][a-z0-9_]*)$/;

/** The parameter names of a path, in order; throws on a path this registry cannot document exactly. */
export function pathParamNames(path: string): string[] {
  if (path === "/") return [];
  if (!path.startsWith("/") || path.endsWith("/")) throw new Error(`Route path '${path}' must start and not end with '/'.`);
  const names: string[] = [];
  for (const segment of path.slice(1).split("/")) {
    const param = PARAM.exec(segment);
    if (param?.[1] !== undefined) names.push(param[1]);
    else if (!LITERAL.test(segment)) throw new Error(`Route path '${path}': segment '${segment}' is neither a literal nor ':name'.`);
  }
  if (new Set(names).size !== names.length) throw new Error(`Route path '${path}' repeats a parameter.`);
  return names;
}

/** `/agents/:id` → `/agents/{id}`. Hono's optional (`:id?`) and pattern (`:id{…}`) forms are turned into `{id}` too. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)(?:\{[^/]*\})?\??/g, "{$1}");
}

/** Joins a base (`/api/v1`) and a route path (`/agents/:id`) the way Hono's `app.route(base, sub)` does. */
export function joinPath(base: string, path: string): string {
  const trimmed = base.replace(/\/+$/, "");
  if (path === "/") return trimmed === "" ? "/" : trimmed;
  return `${trimmed}${path}`;
}
