// Runs the built CLI (dist/iron.mjs) as a subprocess with its own config directory.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const CLI_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
export const BIN = join(CLI_DIR, "dist", "iron.mjs");

export function tempConfig() {
  return mkdtempSync(join(tmpdir(), "iron-cli-config-"));
}

/** `iron …args` → { code, stdout, stderr }; env adds to a clean environment (no IRON_URL/IRON_TOKEN from the caller). */
export function iron(args, { env = {}, input } = {}) {
  return new Promise((resolve, reject) => {
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("IRON_")));
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...base, NO_COLOR: "1", ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
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
