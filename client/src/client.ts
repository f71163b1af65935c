import { ApiError, CLIENT_ERROR_CODES, errorFromBody } from "./errors.js";
import { API_PREFIX, OPERATIONS, type OperationId } from "./generated/operations.js";
import type { CallArgs, ControlClient, ControlClientOptions, OperationResponse, RawCallInput } from "./types.js";

/**
 * The control-API client shared by the CLI and the dashboard: builds each call from the OPERATIONS table, attaches
 * the bearer token (not on public operations), renews an expired token once through `refresh`, parses the JSON
 * answer, and turns every failure into an ApiError. Browser and Node alike: nothing but fetch.
 */
export function createControlClient(options: ControlClientOptions): ControlClient {
  // Called as a plain function, never as a method of `options` (browsers refuse fetch with a foreign `this`).
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const base = options.baseUrl.replace(/\/+$/, "");

  async function send(id: OperationId, input: RawCallInput): Promise<Response> {
    const op = OPERATIONS[id];
    const url = urlOf(base, id, input);
    const headers: Record<string, string> = { accept: "application/json" };
    if (options.userAgent !== undefined) headers["user-agent"] = options.userAgent;
    if (op.role !== "public") {
      const token = await options.getToken();
      if (token !== null && token !== "") headers.authorization = `Bearer ${token}`;
    }
    if (input.body !== undefined) headers["content-type"] = "application/json";
    const signals = [input.signal, options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs)].filter((s): s is AbortSignal => s !== undefined);
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    try {
      return await doFetch(url, {
        method: op.method.toUpperCase(),
        headers,
        body: input.body === undefined ? null : JSON.stringify(input.body),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      throw transportError(error, base || "the server");
    }
  }

  async function request(id: OperationId, input: RawCallInput = {}): Promise<unknown> {
    let res = await send(id, input);
    let answer = await read(res, base || "the server");
    if (res.status === 401 && OPERATIONS[id].role !== "public" && codeOf(answer) === "TOKEN_EXPIRED" && options.refresh && (await options.refresh())) {
      res = await send(id, input);
      answer = await read(res, base || "the server");
    }
    if (!res.ok) throw errorFromBody(res.status, res.statusText, answer, res.headers.get("x-request-id") ?? undefined);
    return answer;
  }

  return {
    call: <Id extends OperationId>(id: Id, ...args: CallArgs<Id>) => request(id, args[0] ?? {}) as Promise<OperationResponse<Id>>,
    request,
  };
}

/** The call's URL: API prefix, path with its parameters encoded, and the query (undefined/null values left out). */
export function urlOf(base: string, id: OperationId, input: RawCallInput): string {
  const op = OPERATIONS[id];
  let path: string = op.path;
  for (const name of op.pathParams) {
    const value = input.params?.[name];
    if (value === undefined || value === "") throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.badInput, message: `${id}: missing path parameter '${name}'` });
    path = path.replace(`{${name}}`, encodeURIComponent(value));
  }
  const qs = new URLSearchParams();
  for (const [name, value] of Object.entries(input.query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value as readonly string[]) qs.append(name, v);
    else qs.append(name, String(value));
  }
  const query = qs.toString();
  return `${base}${API_PREFIX}${path}${query ? `?${query}` : ""}`;
}

/** The answer's JSON (undefined for an empty body); BAD_RESPONSE when it is not JSON. */
async function read(res: Response, where: string): Promise<unknown> {
  let text: string;
  try {
    text = res.status === 204 ? "" : await res.text();
  } catch (error) {
    throw transportError(error, where);
  }
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError({ status: res.status, code: CLIENT_ERROR_CODES.badResponse, message: `${res.status} from ${where}: not a JSON answer (is this an Iron server?)`, requestId: res.headers.get("x-request-id") ?? undefined });
  }
}

const codeOf = (answer: unknown): unknown => (typeof answer === "object" && answer !== null && "error" in answer && typeof answer.error === "object" && answer.error !== null && "code" in answer.error ? answer.error.code : undefined);

function transportError(error: unknown, where: string): ApiError {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError") return new ApiError({ status: 0, code: CLIENT_ERROR_CODES.timeout, message: `${where} did not answer in time` }, { cause: error });
  if (name === "AbortError") return new ApiError({ status: 0, code: CLIENT_ERROR_CODES.aborted, message: "the call was aborted" }, { cause: error });
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
  return new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, message: `cannot reach ${where}: ${cause}` }, { cause: error });
}
