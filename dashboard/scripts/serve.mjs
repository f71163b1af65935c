#!/usr/bin/env node
// A small static server for dashboard/dist: files as they are, every other path answered with index.html (the
// single-page app routes itself), and /config.json written from --api when given, so one build talks to any server.
//
//   node dashboard/scripts/serve.mjs [--port 8789] [--host 127.0.0.1] [--api http://127.0.0.1:8787]
//   import { startDashboardServer } from "./dashboard/scripts/serve.mjs"  → { url, close() }
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8" };
const HIDDEN = new Set(["/_redirects", "/_headers"]);

function securityHeaders(api) {
  const connect = ["'self'", api ? new URL(api).origin : "http://127.0.0.1:*", "http://localhost:*", "https:"].join(" ");
  return {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "content-security-policy": `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src ${connect}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
  };
}

/** @param {{ port?: number, host?: string, api?: string, dist?: string }} [options] */
export function startDashboardServer(options = {}) {
  const dist = options.dist ?? DIST;
  if (!existsSync(join(dist, "index.html"))) throw new Error(`dashboard: ${dist}/index.html is missing: run npm run build --prefix dashboard first`);
  const headers = securityHeaders(options.api);
  const index = readFileSync(join(dist, "index.html"));
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", ...headers }).end();
      return;
    }
    if (path === "/config.json" && options.api) {
      res.writeHead(200, { "content-type": TYPES[".json"], "cache-control": "no-store", ...headers }).end(JSON.stringify({ apiBaseUrl: options.api }));
      return;
    }
    const file = normalize(join(dist, path));
    const inside = file.startsWith(dist + sep);
    if (inside && !HIDDEN.has(path) && existsSync(file) && statSync(file).isFile()) {
      const cache = path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": cache, ...headers });
      res.end(req.method === "HEAD" ? undefined : readFileSync(file));
      return;
    }
    if (extname(path) !== "" && path !== "/index.html") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8", ...headers }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[".html"], "cache-control": "no-cache", ...headers }).end(req.method === "HEAD" ? undefined : index);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8789, options.host ?? "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : options.port;
      resolve({ url: `http://${options.host ?? "127.0.0.1"}:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
  };
  const served = await startDashboardServer({ port: Number(option("port", process.env.IRON_DASHBOARD_PORT ?? "8789")), host: option("host", "127.0.0.1"), api: option("api", process.env.IRON_API_URL) });
  console.log(`dashboard: ${served.url}`);
  const stop = async () => {
    await served.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
