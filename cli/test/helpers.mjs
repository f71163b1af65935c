// Runs the built CLI (dist/iron.mjs) as a subprocess with its own config directory; loads cli/src modules for unit
// tests; a local HTTP server standing in for a control API.
import { spawn } from "node:child_process";
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const CLI_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
export const BIN = join(CLI_DIR, "dist", "iron.mjs");

export function tempConfig() {
  return mkdtempSync(join(tmpdir(), "iron-cli-config-"));
}

/**
 * `iron …args` → { code, stdout, stderr }; env adds to a clean environment (no IRON_* from the caller, and a fresh
 * config directory unless env.IRON_CONFIG_DIR names one, so a real saved login never leaks in).
 */
export function iron(args, { env = {}, input } = {}) {
  return new Promise((resolve, reject) => {
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("IRON_")));
    const ownConfig = env.IRON_CONFIG_DIR === undefined ? tempConfig() : null;
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...base, NO_COLOR: "1", IRON_CONFIG_DIR: ownConfig ?? env.IRON_CONFIG_DIR, ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (ownConfig !== null) rmSync(ownConfig, { recursive: true, force: true });
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input ?? "");
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** Bundles TypeScript modules of cli/src with esbuild and imports them: `loadTs({ toYaml: "src/yaml.ts" })`. */
export async function loadTs(exports) {
  const dir = mkdtempSync(join(tmpdir(), "iron-cli-unit-"));
  try {
    const contents = Object.entries(exports).map(([name, file]) => `export { ${name} } from ${JSON.stringify("./" + file)};`).join("\n");
    await build({ stdin: { contents, resolveDir: CLI_DIR, loader: "ts" }, bundle: true, platform: "node", format: "esm", outfile: join(dir, "m.mjs"), logLevel: "error" });
    return await import(pathToFileURL(join(dir, "m.mjs")).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A local HTTP server standing in for a control API: `handler(req, body)` → { status, json?, text?, delayMs? }. */
export async function fakeApi(handler) {
  const server = createHttpServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", async () => {
      const answer = await handler(req, body);
      if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
      res.writeHead(answer.status, { "content-type": answer.json !== undefined ? "application/json" : "text/plain", "x-request-id": "req_test" });
      res.end(answer.json !== undefined ? JSON.stringify(answer.json) : (answer.text ?? ""));
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}
