#!/usr/bin/env node
// Writes cli/openapi.json from the route registry itself (no running Worker needed): bundles
// src/control/api/registry.ts + openApiDocument with esbuild and runs the bundle in Node.
// `--check` exits 1 when the committed snapshot differs (CI: the CLI is built against the current API).
import { build } from "esbuild";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const cli = join(dirname(fileURLToPath(import.meta.url)), "..");
const repo = join(cli, "..");
const out = join(cli, "openapi.json");
const dir = mkdtempSync(join(tmpdir(), "iron-openapi-"));
try {
  const entry = `import { controlRegistry } from ${JSON.stringify(join(repo, "src/control/api/registry.ts"))};
import { openApiDocument } from ${JSON.stringify(join(repo, "src/control/openapi/document.ts"))};
export const doc = openApiDocument(controlRegistry());`;
  await build({ stdin: { contents: entry, resolveDir: repo, loader: "ts" }, bundle: true, platform: "node", format: "esm", outfile: join(dir, "doc.mjs"), logLevel: "warning" });
  const { doc } = await import(pathToFileURL(join(dir, "doc.mjs")).href);
  const text = JSON.stringify(doc, null, 2) + "\n";
  if (process.argv.includes("--check")) {
    const current = readFileSync(out, "utf8");
    if (current !== text) {
      console.error("cli/openapi.json is out of date: run `npm run snapshot --prefix cli` and `npm run generate --prefix cli`.");
      process.exit(1);
    }
    console.log("cli/openapi.json is up to date");
  } else {
    writeFileSync(out, text);
    console.log(`wrote ${out} (${Object.keys(doc.paths).length} paths)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
