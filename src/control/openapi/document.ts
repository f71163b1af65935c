import { CONTROL_ERRORS, type ControlErrorCode } from "./control-errors";
import { errorBodySchema, MAX_PAGE_SIZE } from "./common-schemas";
import { renderSchema, type JsonSchema } from "./json-schema";
import { parametersOf } from "./parameters";
import { toOpenApiPath } from "./path";
import type { RouteRegistry } from "./registry";
import type { ControlRoute } from "./route";

export interface OpenApiDocument {
  openapi: "3.1.0";
  jsonSchemaDialect: string;
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema>; headers: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
}

const REQUEST_ID = { $ref: "#/components/headers/RequestId" };

/** The OpenAPI 3.1 document of a registry; its schemas come from the routes' zod schemas (`z.toJSONSchema`). */
export function openApiDocument(registry: RouteRegistry, info: { title?: string; version?: string; serverUrl?: string } = {}): OpenApiDocument {
  const schemas: Record<string, JsonSchema> = {};
  renderSchema(errorBodySchema, "output", schemas, "ErrorBody"); // its `.meta({ id })` puts it in components.schemas
  const paths: OpenApiDocument["paths"] = {};
  for (const route of registry.routes()) {
    const path = toOpenApiPath(route.path);
    paths[path] ??= {};
    paths[path][route.method] = operation(route, schemas);
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    info: {
      title: info.title ?? "Iron Runtime Control API",
      version: info.version ?? "1",
      description: `Errors: {"error":{"code","message","fields"}}. Lists: {"data":[…],"pagination":{"next_cursor","limit"}}, at most ${MAX_PAGE_SIZE} items a page. Every answer carries x-request-id.`,
    },
    servers: [{ url: info.serverUrl ?? "/api/v1" }],
    paths,
    components: {
      schemas,
      headers: { RequestId: { description: "This request's id (req_…); quote it when reporting a problem.", schema: { type: "string", pattern: "^req_[0-9A-Za-z]+$" } } },
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A session access token (JWT) or an API token (apitok_…)." } },
    },
  };
}

function operation(route: ControlRoute, schemas: Record<string, JsonSchema>): JsonSchema {
  const op: JsonSchema = { operationId: route.operationId, summary: route.summary, tags: [...route.tags], "x-iron-role": route.role };
  if (route.description !== undefined) op.description = route.description;
  if (route.audit !== null) op["x-iron-audit"] = route.audit;
  op.security = route.role === "public" ? [] : [{ bearer: [] }];
  const parameters = [...parametersOf(route.params, "path", schemas, route.operationId), ...parametersOf(route.query, "query", schemas, route.operationId)];
  if (parameters.length > 0) op.parameters = parameters;
  if (route.body !== undefined) {
    op.requestBody = { required: !route.body.safeParse(undefined).success, content: { "application/json": { schema: renderSchema(route.body, "input", schemas, route.operationId) } } };
  }
  const success: JsonSchema = { description: route.response === undefined ? "Done; no content." : "Success.", headers: { "x-request-id": REQUEST_ID } };
  if (route.response !== undefined) success.content = { "application/json": { schema: renderSchema(route.response, "output", schemas, route.operationId) } };
  op.responses = { [String(route.status)]: success, ...errorResponses(route.errors) };
  return op;
}

/** One response per error status, naming its codes; the body is the shared ErrorBody with `code` narrowed to them. */
function errorResponses(codes: readonly ControlErrorCode[]): Record<string, JsonSchema> {
  const byStatus = new Map<number, ControlErrorCode[]>();
  for (const code of codes) byStatus.set(CONTROL_ERRORS[code].status, [...(byStatus.get(CONTROL_ERRORS[code].status) ?? []), code]);
  const out: Record<string, JsonSchema> = {};
  for (const [status, list] of byStatus) {
    out[String(status)] = {
      description: list.map((code) => `${code}: ${CONTROL_ERRORS[code].description}`).join(" "),
      headers: { "x-request-id": REQUEST_ID },
      content: {
        "application/json": {
          schema: { $ref: "#/components/schemas/ErrorBody", properties: { error: { properties: { code: { enum: list } } } } },
        },
      },
    };
  }
  return out;
}
