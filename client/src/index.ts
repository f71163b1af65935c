// @iron-runtime/client: the typed control-API client shared by the `iron` CLI and the dashboard.
export { createControlClient, urlOf } from "./client.js";
export { ApiError, CLIENT_ERROR_CODES, isApiError, type ApiErrorInit } from "./errors.js";
export { API_PREFIX, OPERATIONS, type OperationId, type OperationTypes } from "./generated/operations.js";
export type * from "./generated/schemas.js";
export type { Field, FieldKind, Operation } from "./operation.js";
export type { CallArgs, CallInput, ControlClient, ControlClientOptions, OperationBody, OperationParams, OperationQuery, OperationResponse, RawCallInput } from "./types.js";
