#!/usr/bin/env node
// Runs the browser tests (e2e/*.test.mjs) with node's test runner on this Node (>= 22: wrangler needs it).
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const run = spawnSync(process.execPath, ["--test", "--test-concurrency=1", "--test-reporter=spec", "e2e/*.test.mjs"], { cwd: root, stdio: "inherit" });
process.exit(run.status ?? 1);
