import type { Context } from "hono";
import { z } from "zod";
import { CONTROL_ERRORS, type ControlErrorCode, type ControlRefusal } from "./control-errors";
import { openObjects } from "./json-schema";
import { pathParamNames } from "./path";
import type { Actor, Role } from "./roles";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";
export type ControlContext = Context<{ Bindings: Env }>;
type Maybe = z.ZodType | undefined;
type Out<S extends Maybe> = S extends z.ZodType ? z.output<S> : undefined;

/** Codes a route returns without declaring them: validation when it has inputs, 401/403 when it needs a role. */
type ImplicitCode<P extends Maybe, Q extends Maybe, B extends Maybe, R extends Role> =
  | ([P, Q, B] extends [undefined, undefined, undefined] ? never : "VALIDATION_ERROR")
  | (R extends "public" ? never : CredentialCode | "FORBIDDEN");

/** Why a route that needs credentials answered 401: none sent, a bad token, an expired token, an ended session. */
export const CREDENTIAL_CODES = ["UNAUTHORIZED", "INVALID_TOKEN", "TOKEN_EXPIRED", "SESSION_REVOKED"] as const;
export type CredentialCode = (typeof CREDENTIAL_CODES)[number];

export interface HandlerInput<P extends Maybe, Q extends Maybe, B extends Maybe, R extends Role> {
  readonly params: Out<P>;
  readonly query: Out<Q>;
  readonly body: Out<B>;
  /** Who is calling; only `public` routes may see `null`. Object-level checks (own agents only) stay in the handler. */
  readonly actor: R extends "public" ? Actor | null : Actor;
  readonly requestId: string;
}

/** The success body (before its schema parses it) or a refusal with one of the route's codes. */
export type HandlerResult<S extends Maybe, C extends ControlErrorCode> = (S extends z.ZodType ? z.input<S> : null) | ControlRefusal<C>;

/** One control-API route, declared once: mounted with validation, and documented in the OpenAPI document. */
export interface RouteSpec<P extends Maybe, Q extends Maybe, B extends Maybe, S extends Maybe, E extends ControlErrorCode, R extends Role> {
  readonly method: HttpMethod;
  /** Hono style, relative to `/api/v1`: `/agents/:id`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly role: R;
  /** Must name exactly the path's `:params`. */
  readonly params?: P;
  /** Must be strict (`z.strictObject`, e.g. `pageQuery({...})`). */
  readonly query?: Q;
  /** Must be strict at every level: unknown fields are refused (mass assignment). */
  readonly body?: B;
  /** The success body; parsed on the way out, so undeclared fields never leave. Absent: `204 No Content`. */
  readonly response?: S;
  readonly status?: 200 | 201 | 202 | 204;
  /** The refusals the handler may return, besides the implicit ones. */
  readonly errors: readonly E[];
  /** Body cap in bytes; default 64 KiB. */
  readonly maxBodyBytes?: number;
  /**
   * The audit action (`noun.verb`) of a route that changes something: its handler writes exactly one record with
   * this action when it succeeds (`batchWithAudit`), and the mounter writes one when it is refused. Required on
   * every non-GET route; `false` for a POST that changes nothing (e.g. token validation).
   */
  readonly audit?: string | false;
  handler(c: ControlContext, input: HandlerInput<P, Q, B, R>): Promise<HandlerResult<NoInfer<S>, NoInfer<E> | ImplicitCode<P, Q, B, R>>>;
}

/** A declared route with its types erased, as the registry, the mounter and the document builder see it. */
export interface ControlRoute {
  readonly method: HttpMethod;
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description: string | undefined;
  readonly tags: readonly string[];
  readonly role: Role;
  readonly params: z.ZodType | undefined;
  readonly query: z.ZodType | undefined;
  readonly body: z.ZodType | undefined;
  readonly response: z.ZodType | undefined;
  readonly status: number;
  /** Declared and implicit codes, sorted: exactly what the document lists and the handler may return. */
  readonly errors: readonly ControlErrorCode[];
  readonly maxBodyBytes: number;
  /** The audit action, or null for a route that changes nothing. */
  readonly audit: string | null;
  run(c: ControlContext, input: { params: unknown; query: unknown; body: unknown; actor: Actor | null; requestId: string }): Promise<unknown>;
}

export function defineRoute<P extends Maybe = undefined, Q extends Maybe = undefined, B extends Maybe = undefined, S extends Maybe = undefined, const E extends ControlErrorCode = never, const R extends Role = Role>(
  spec: RouteSpec<P, Q, B, S, E, R>,
): ControlRoute {
  const where = `${spec.method.toUpperCase()} ${spec.path}`;
  checkParams(where, spec.path, spec.params);
  for (const [part, schema] of [["query", spec.query], ["body", spec.body]] as const) {
    const open = schema === undefined ? [] : openObjects(schema);
    if (open.length > 0) throw new Error(`${where}: ${part} schema accepts unknown fields at ${open.join(", ")}; use z.strictObject.`);
  }
  if (spec.method !== "get" && spec.audit === undefined) throw new Error(`${where}: a ${spec.method.toUpperCase()} route declares its audit action (or audit: false).`);
  if (spec.method === "get" && typeof spec.audit === "string") throw new Error(`${where}: GET routes change nothing and have no audit action.`);
  if (typeof spec.audit === "string" && !/^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+$/.test(spec.audit)) throw new Error(`${where}: audit action '${spec.audit}' is not noun.verb.`);
  const status = spec.status ?? (spec.response === undefined ? 204 : 200);
  if ((status === 204) !== (spec.response === undefined)) throw new Error(`${where}: a response schema goes with a 2xx other than 204.`);
  const errors = new Set<ControlErrorCode>(spec.errors);
  if (spec.params !== undefined || spec.query !== undefined || spec.body !== undefined) errors.add("VALIDATION_ERROR");
  if (spec.body !== undefined) for (const code of ["PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"] as const) errors.add(code);
  if (spec.role !== "public") for (const code of [...CREDENTIAL_CODES, "FORBIDDEN"] as const) errors.add(code);
  return {
    method: spec.method, path: spec.path, operationId: spec.operationId, summary: spec.summary, description: spec.description,
    tags: spec.tags, role: spec.role, params: spec.params, query: spec.query, body: spec.body, response: spec.response, status,
    errors: [...errors].sort((a, b) => CONTROL_ERRORS[a].status - CONTROL_ERRORS[b].status || a.localeCompare(b)),
    maxBodyBytes: spec.maxBodyBytes ?? 64 * 1024,
    audit: typeof spec.audit === "string" ? spec.audit : null,
    // The mounter validated the input against these very schemas, so the erased values have the declared types.
    run: (c, input) => spec.handler(c, input as HandlerInput<P, Q, B, R>),
  };
}

function checkParams(where: string, path: string, params: z.ZodType | undefined): void {
  const names = pathParamNames(path);
  if (names.length === 0 && params === undefined) return;
  if (!(params instanceof z.ZodObject)) throw new Error(`${where}: path parameters need a z.object params schema.`);
  const declared = Object.keys(params.shape).sort();
  if (declared.join() !== [...names].sort().join()) throw new Error(`${where}: params schema names [${declared.join(", ")}], the path [${names.join(", ")}].`);
}
