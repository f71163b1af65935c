/** The control API's route registry and OpenAPI 3.1 document. */
export { CONTROL_ERRORS, controlRefusal, isControlRefusal, type ControlErrorCode, type ControlRefusal } from "./control-errors";
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, errorBodySchema, listOf, pageQuery, paginationSchema } from "./common-schemas";
export { routeCoverage, type RouteCoverage } from "./coverage";
export { openApiDocument, type OpenApiDocument } from "./document";
export { mountRoutes, type MountOptions, type RefusalEvent } from "./mount";
export { joinPath, toOpenApiPath } from "./path";
export { listRoutes, RouteRegistry, routeKey, type RouteSummary } from "./registry";
export { checkRole, type Actor, type ActorRole, type Role } from "./roles";
export { defineRoute, type ControlContext, type ControlRoute, type HandlerInput, type HttpMethod, type RouteSpec } from "./route";
