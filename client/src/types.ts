import type { OperationId, OperationTypes } from "./generated/operations.js";

export type OperationParams<Id extends OperationId> = OperationTypes[Id]["params"];
export type OperationQuery<Id extends OperationId> = OperationTypes[Id]["query"];
export type OperationBody<Id extends OperationId> = OperationTypes[Id]["body"];
/** The success body of an operation (undefined for 204 answers). */
export type OperationResponse<Id extends OperationId> = OperationTypes[Id]["response"];

/** True when every key of T is optional (so `{}` is a T). */
// eslint-disable-next-line @typescript-eslint/no-generated-empty-object-type -- `{}` is the point: the input may be left out
type AllOptional<T> = Record<never, never> extends T ? true : false;

/** What a call takes: `params` when the path has parameters, `body` when the operation requires one. */
export type CallInput<Id extends OperationId> = (AllOptional<OperationParams<Id>> extends true ? { params?: OperationParams<Id> } : { params: OperationParams<Id> }) &
  (AllOptional<OperationQuery<Id>> extends true ? { query?: OperationQuery<Id> } : { query: OperationQuery<Id> }) &
  (undefined extends OperationBody<Id> ? { body?: OperationBody<Id> } : { body: OperationBody<Id> }) & {
    /** Aborts the call (the promise rejects with ABORTED). */
    signal?: AbortSignal;
  };

/** `[input?]` when nothing is required, `[input]` otherwise. */
export type CallArgs<Id extends OperationId> = AllOptional<CallInput<Id>> extends true ? [input?: CallInput<Id>] : [input: CallInput<Id>];

/** An untyped call's input, for callers that build it at run time (the CLI's flag parser). */
export interface RawCallInput {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | number | boolean | readonly string[] | null | undefined>>;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

export interface ControlClientOptions {
  /** The server's origin, e.g. `http://127.0.0.1:8787`; `""` for the page's own origin. API_PREFIX is appended. */
  readonly baseUrl: string;
  /** The bearer token (session access token or `apitok_…`), or null when signed out. Asked before every call. */
  readonly getToken: () => string | null | Promise<string | null>;
  /**
   * Called once when a call answers 401 TOKEN_EXPIRED: renew the token (e.g. POST /auth/refresh) and return true
   * to retry the call with getToken()'s new token, false to give up (the call rejects with TOKEN_EXPIRED).
   */
  readonly refresh?: () => Promise<boolean>;
  /** A fetch implementation (default: the global fetch). */
  readonly fetch?: typeof fetch;
  /** Sent as `user-agent` where the platform allows it (Node; browsers ignore it). */
  readonly userAgent?: string;
  /** Abort a call that has not answered after this long (TIMEOUT). Default: none. */
  readonly timeoutMs?: number;
}

export interface ControlClient {
  /** One operation by id, typed: its input's params/query/body and its answer. Rejects with ApiError. */
  call<Id extends OperationId>(id: Id, ...args: CallArgs<Id>): Promise<OperationResponse<Id>>;
  /** The same, untyped: for callers that build the input at run time. */
  request(id: OperationId, input?: RawCallInput): Promise<unknown>;
}
