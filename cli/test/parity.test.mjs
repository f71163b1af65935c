// Every operation in the OpenAPI document has a CLI command (or is listed as not-a-CLI-operation with a reason),
// every command names a real operation, and the generated table matches openapi.json.
import assert from "node:assert/strict";
import { build } from "esbuild";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "node:test";
import { CLI_DIR } from "./helpers.mjs";

async function load() {
  const dir = mkdtempSync(join(tmpdir(), "iron-parity-"));
  try {
    const contents = `export { COMMANDS } from "./src/commands/index.ts"; export { SPECIAL_OPERATIONS, NOT_CLI_OPERATIONS } from "./src/commands/auth-ops.ts"; export { OPERATIONS } from "./src/api.ts"; export { flagsOf } from "./src/commands/exec.ts";`;
    await build({ stdin: { contents, resolveDir: CLI_DIR, loader: "ts" }, bundle: true, platform: "node", format: "esm", outfile: join(dir, "m.mjs"), logLevel: "error" });
    return await import(pathToFileURL(join(dir, "m.mjs")).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const m = await load();
const doc = JSON.parse(readFileSync(join(CLI_DIR, "..", "client", "openapi.json"), "utf8"));
const documented = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));

test("every OpenAPI operation has a CLI command or a reason not to", () => {
  const covered = new Set([...m.COMMANDS.map((c) => c.operationId), ...Object.keys(m.SPECIAL_OPERATIONS), ...Object.keys(m.NOT_CLI_OPERATIONS)]);
  const missing = documented.filter((id) => !covered.has(id));
  assert.deepEqual(missing, [], `operations without a CLI command: ${missing.join(", ")} (add one in cli/src/commands/)`);
});

test("every command names a documented operation, and the generated table is current", () => {
  for (const c of m.COMMANDS) assert.ok(documented.includes(c.operationId), `${c.words.join(" ")} → unknown ${c.operationId}`);
  assert.deepEqual(Object.keys(m.OPERATIONS).sort(), [...documented].sort(), "run `npm run snapshot --prefix client`");
});

test("command words are unique, each has examples, aliases name real fields", () => {
  const seen = new Set();
  for (const c of m.COMMANDS) {
    const key = c.words.join(" ");
    assert.ok(!seen.has(key), `duplicate command ${key}`);
    seen.add(key);
    assert.ok(c.examples.length > 0, `${key} has no examples`);
    const flags = m.flagsOf(c).map((b) => b.flag);
    for (const alias of Object.keys(c.aliases ?? {})) assert.ok(flags.includes(alias), `${key}: alias --${alias} names no field`);
    assert.equal(new Set(flags).size, flags.length, `${key}: a flag is declared twice`);
    for (const g of ["output", "quiet", "url", "help", "no-color", "body", "all"]) assert.ok(!flags.includes(g), `${key}: --${g} shadows a global flag`);
    for (const a of c.args ?? []) {
      const op = m.OPERATIONS[c.operationId];
      assert.ok(op.pathParams.includes(a) || op.query.some((f) => f.name === a) || op.body?.fields.some((f) => f.name === a), `${key}: <${a}> is no parameter`);
    }
    for (const p of m.OPERATIONS[c.operationId].pathParams) assert.ok((c.args ?? []).includes(p), `${key}: path parameter ${p} is not an argument`);
  }
});

test("provider keys and passwords are never flags", () => {
  for (const c of m.COMMANDS) {
    const flags = m.flagsOf(c).map((b) => b.field.name);
    for (const secret of ["api_key", "password", "new_password", "current_password", "setup_token", "token"]) {
      if (m.OPERATIONS[c.operationId].body?.fields.some((f) => f.name === secret)) assert.ok(!flags.includes(secret), `${c.words.join(" ")} takes ${secret} as a flag`);
    }
  }
});
