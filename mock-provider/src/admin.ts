import { billFor, resetBills } from "./bill";
import { anyKey, json, openaiError } from "./http";
import { requestsFor, resetRequestLog } from "./request-log";
import { release, resetStreams, streamStatus } from "./stream-state";

const unauthorized = (): Response =>
  openaiError(401, "mock-provider: send the API key (Authorization: Bearer or x-api-key).", "invalid_request_error");

/** The `/__mock/*` test-control routes, or `null` when `path` is not one of them. */
export function handleAdmin(request: Request, path: string): Response | null {
  const method = request.method;
  if (method === "GET" && path === "/__mock/bill") {
    const key = anyKey(request);
    return key === null ? unauthorized() : json(billFor(key));
  }
  if (method === "GET" && path === "/__mock/requests") {
    const key = anyKey(request);
    return key === null ? unauthorized() : json({ requests: requestsFor(key) });
  }
  if (method === "POST" && path === "/__mock/reset") {
    // With a key: only that key's bill and request log. Without: everything (bills, logs, holds, stream status).
    const key = anyKey(request);
    resetBills(key);
    resetRequestLog(key);
    if (key === null) resetStreams();
    return json({ reset: key === null ? "all" : "key" });
  }
  const release_ = /^\/__mock\/release\/([\w.-]{1,64})$/.exec(path);
  if (method === "POST" && release_?.[1] !== undefined) {
    release(release_[1]);
    return json({ released: release_[1] });
  }
  const stream = /^\/__mock\/streams\/([\w.-]{1,64})$/.exec(path);
  if (method === "GET" && stream?.[1] !== undefined) {
    const status = streamStatus(stream[1]);
    return status === undefined ? openaiError(404, `mock-provider: no stream with hold id ${stream[1]}`, "not_found") : json(status);
  }
  return null;
}
