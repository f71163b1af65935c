#!/usr/bin/env node
// Writes client/openapi.json from the route registry itself (no running Worker needed): bundles
// src/control/api/registry.ts + openApiDocument with esbuild, runs the bundle in Node, then regenerates
// client/src/generated/*.ts from it. `--check` writes nothing and exits 1 when the snapshot or the generated
// files differ from what the registry gives (CI: the client and the CLI are built against the current API).
import { build } from "esbuild";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { GENERATED, generateSources } from "./generate.mjs";

const client = join(dirname(fileURLToPath(import.meta.url)), "..");
const repo = join(client, "..");
const out = join(client, "openapi.json");
const dir = mkdtempSync(join(tmpdir(), "iron-openapi-"));
try {
  const entry = `import { controlRegistry } from ${JSON.stringify(join(repo, "src/control/api/registry.ts"))};
import { openApiDocument } from ${JSON.stringify(join(repo, "src/control/openapi/document.ts"))};
export const doc = openApiDocument(controlRegistry());`;
  await build({ stdin: { contents: entry, resolveDir: repo, loader: "ts" }, bundle: true, platform: "node", format: "esm", outfile: join(dir, "doc.mjs"), logLevel: "warning" });
  const { doc } = await import(pathToFileURL(join(dir, "doc.mjs")).href);
  const files = [[out, JSON.stringify(doc, null, 2) + "\n"], ...Object.entries(generateSources(doc)).map(([k, text]) => [GENERATED[k], text])];
  if (process.argv.includes("--check")) {
    const stale = files.filter(([path, text]) => {
      try {
        return readFileSync(path, "utf8") !== text;
      } catch {
        return true;
      }
    });
    if (stale.length > 0) {
      console.error(`out of date: ${stale.map(([p]) => p.slice(repo.length + 1)).join(", ")}: run \`npm run snapshot --prefix client\`.`);
      process.exit(1);
    }
    console.log("client/openapi.json and client/src/generated are up to date");
  } else {
    for (const [path, text] of files) writeFileSync(path, text);
    console.log(`wrote ${files.map(([p]) => p.slice(repo.length + 1)).join(", ")} (${Object.keys(doc.paths).length} paths)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
