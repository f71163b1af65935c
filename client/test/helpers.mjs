// Loads client/src (TypeScript) through an esbuild bundle, and a tiny local HTTP server that answers per test.
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const CLIENT_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The client's public module, bundled for `platform` (browser: proves it needs nothing from Node). */
export async function loadClient(platform = "neutral") {
  const dir = mkdtempSync(join(tmpdir(), "iron-client-"));
  try {
    await build({ entryPoints: [join(CLIENT_DIR, "src/index.ts")], bundle: true, platform, format: "esm", outfile: join(dir, "client.mjs"), logLevel: "error" });
    return await import(pathToFileURL(join(dir, "client.mjs")).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A local server: `handler(req, body)` returns { status, headers?, json? | text? } (or a Promise of it), or
 * "hang" to never answer. Every request is recorded as { method, url, headers, body }.
 */
export async function localServer(handler) {
  const requests = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", async () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body });
      const answer = await handler(req, body, requests.length);
      if (answer === "hang") return;
      const text = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.text ?? "");
      res.writeHead(answer.status, { ...(answer.json !== undefined ? { "content-type": "application/json" } : {}), ...answer.headers });
      res.end(text);
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, requests, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}
