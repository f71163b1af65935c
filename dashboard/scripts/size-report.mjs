#!/usr/bin/env node
// After `vite build`: the initial JavaScript a browser downloads (the scripts index.html loads, and what they
// import statically), gzipped, against the 250 KB budget. Exits 1 over budget.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const BUDGET = 250 * 1024;
const html = readFileSync(join(dist, "index.html"), "utf8");
const entry = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
const seen = new Set();
const queue = [...entry];
while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(join(dist, file), "utf8");
  // static imports only (dynamic import() chunks load later, on demand)
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(join(dirname(file), m[1]));
}
let raw = 0;
let gz = 0;
for (const file of seen) {
  const buf = readFileSync(join(dist, file));
  raw += buf.length;
  gz += gzipSync(buf, { level: 9 }).length;
}
const css = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".css")).reduce((s, f) => s + gzipSync(readFileSync(join(dist, "assets", f)), { level: 9 }).length, 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`dashboard: initial JS ${kb(gz)} gzipped (${kb(raw)} raw, ${seen.size} file${seen.size === 1 ? "" : "s"}); CSS ${kb(css)} gzipped; budget ${kb(BUDGET)}`);
if (gz > BUDGET) {
  console.error("dashboard: initial JS over the 250 KB budget");
  process.exit(1);
}
