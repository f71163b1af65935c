import type { MiddlewareHandler } from "hono";

/** Sent with every control-API answer: JSON only, never framed, never sniffed, never cached, no referrer. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "referrer-policy": "no-referrer",
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  "cross-origin-resource-policy": "same-site",
  "cache-control": "no-store",
};

const ALLOWED_HEADERS = "authorization, content-type, x-request-id";
const EXPOSED_HEADERS = "x-request-id, retry-after";

/** The dashboard origins allowed to call the API from a browser (`IRON_DASHBOARD_ORIGINS`, comma-separated). */
export function dashboardOrigins(env: Env): Set<string> {
  return new Set(env.IRON_DASHBOARD_ORIGINS.split(",").map((origin) => origin.trim().replace(/\/+$/, "")).filter((origin) => origin !== ""));
}

/**
 * CORS limited to the configured dashboard origins (no wildcard, no credentials mode: the dashboard sends a
 * bearer token, not cookies), preflights answered here, and the security headers on every answer.
 */
export function controlHeaders(): MiddlewareHandler<{ Bindings: Env }> {
  return async (c, next) => {
    const origin = c.req.header("origin");
    const allowed = origin !== undefined && dashboardOrigins(c.env).has(origin);
    if (c.req.method === "OPTIONS") {
      const headers = new Headers(SECURITY_HEADERS);
      headers.set("vary", "origin");
      if (allowed) {
        headers.set("access-control-allow-origin", origin);
        headers.set("access-control-allow-methods", "GET, POST, PUT, PATCH, DELETE");
        headers.set("access-control-allow-headers", ALLOWED_HEADERS);
        headers.set("access-control-max-age", "600");
      }
      return new Response(null, { status: allowed ? 204 : 403, headers });
    }
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    c.res.headers.append("vary", "origin");
    if (allowed) {
      c.res.headers.set("access-control-allow-origin", origin);
      c.res.headers.set("access-control-expose-headers", EXPOSED_HEADERS);
    }
    return undefined;
  };
}
