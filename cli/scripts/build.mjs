#!/usr/bin/env node
// Bundles src/iron.ts into one dependency-free file, dist/iron.mjs (the package's bin).
import { build } from "esbuild";
import { chmodSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const cli = join(dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(join(cli, "package.json"), "utf8"));
const outfile = join(cli, "dist", "iron.mjs");
await build({
  entryPoints: [join(cli, "src", "iron.ts")],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  outfile,
  banner: { js: "#!/usr/bin/env node" },
  define: { IRON_CLI_VERSION: JSON.stringify(version) },
  logLevel: "warning",
});
chmodSync(outfile, 0o755);
console.log(`built ${outfile}`);
