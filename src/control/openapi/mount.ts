import type { Hono } from "hono";
import { newId } from "../../db/ids";
import { controlRefusal, isControlRefusal, renderRefusal, type ControlRefusal } from "./control-errors";
import type { RouteRegistry } from "./registry";
import { checkRole, type Actor } from "./roles";
import type { ControlContext, ControlRoute, CredentialCode } from "./route";
import { validateInput } from "./validate-input";

export interface RefusalEvent {
  readonly route: ControlRoute;
  readonly actor: Actor | null;
  readonly refusal: ControlRefusal;
  readonly requestId: string;
}

export interface MountOptions {
  /**
   * The caller (session JWT or API token); null when no credentials were sent; a 401 refusal (one of
   * `CREDENTIAL_CODES`) when they were bad. Runs first, on public routes too (which then see a null actor).
   */
  authenticate(c: ControlContext): Promise<Actor | ControlRefusal<CredentialCode> | null>;
  /** Sees every refusal before it is sent (401, 403, validation, the handler's own): e.g. to audit denied calls. */
  onRefusal?(c: ControlContext, event: RefusalEvent): Promise<void>;
}

/**
 * Mounts every route of the registry on `app` (e.g. a sub-app later mounted at `/api/v1`). Each request gets a
 * request id (`x-request-id` on every answer), then: authenticate → role check → validate path, query and body
 * together → handler → the success body parsed through the response schema (undeclared fields are dropped, a
 * body that does not match is a bug and becomes a 500). Refusals are rendered as `{"error":{…}}`.
 */
export function mountRoutes(app: Hono<{ Bindings: Env }>, registry: RouteRegistry, options: MountOptions): void {
  for (const route of registry.routes()) {
    app.on(route.method.toUpperCase(), route.path, (c) => handle(c, route, options));
  }
}

async function handle(c: ControlContext, route: ControlRoute, options: MountOptions): Promise<Response> {
  const requestId = newId("req");
  const headers = { "x-request-id": requestId, "cache-control": "no-store" };
  const refuse = async (actor: Actor | null, refusal: ControlRefusal): Promise<Response> => {
    if (!route.errors.includes(refusal.code)) throw new Error(`${route.operationId} refused with undeclared code ${refusal.code}.`);
    if (options.onRefusal !== undefined) await options.onRefusal(c, { route, actor, refusal, requestId });
    return renderRefusal(refusal, headers);
  };

  const caller = await options.authenticate(c);
  const actor = isControlRefusal(caller) ? null : caller;
  const access = checkRole(route.role, actor);
  if (access === "unauthenticated") {
    return refuse(actor, isControlRefusal(caller) ? caller : controlRefusal("UNAUTHORIZED", "Send `Authorization: Bearer <access token or apitok_… API token>`."));
  }
  if (access === "forbidden") return refuse(actor, controlRefusal("FORBIDDEN", `This operation needs the '${route.role}' role.`));
  const input = await validateInput(c, route);
  if (isControlRefusal(input)) return refuse(actor, input);

  const result = await route.run(c, { ...input, actor, requestId });
  if (isControlRefusal(result)) return refuse(actor, result);
  if (route.response === undefined) return new Response(null, { status: route.status, headers });
  const body: unknown = route.response.parse(result);
  return new Response(JSON.stringify(body), { status: route.status, headers: { "content-type": "application/json", ...headers } });
}
