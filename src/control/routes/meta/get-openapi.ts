import { z } from "zod";
import { openApiDocument } from "../../openapi/document";
import type { RouteRegistry } from "../../openapi/registry";
import { defineRoute, type ControlRoute } from "../../openapi/route";

/** `GET /openapi.json`: the OpenAPI 3.1 document of every control-API route, generated from their zod schemas. */
export function getOpenApiRoute(registry: () => RouteRegistry): ControlRoute {
  let cached: Record<string, unknown> | null = null;
  return defineRoute({
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "The OpenAPI 3.1 document of this API",
    tags: ["meta"],
    role: "public",
    response: z.record(z.string(), z.unknown()),
    errors: [],
    handler: () => {
      cached ??= openApiDocument(registry()) as unknown as Record<string, unknown>;
      return Promise.resolve(cached);
    },
  });
}
