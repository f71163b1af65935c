// `npm pack` makes a working package: the bundled bin, README and LICENSE only; installed from the tarball
// (offline: it has no dependencies), `iron` runs.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { after, test } from "node:test";
import { CLI_DIR } from "./helpers.mjs";

const dir = mkdtempSync(join(tmpdir(), "iron-cli-pack-"));
after(() => rmSync(dir, { recursive: true, force: true }));
// npm and the installed bin run with this Node first on PATH.
const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
const npm = (args, cwd) => spawnSync("npm", args, { cwd, env, encoding: "utf8" });

test("npm pack: @iron-runtime/cli, Apache-2.0, bin iron, only dist/iron.mjs + README + LICENSE; installs and runs", { timeout: 120_000 }, () => {
  const pkg = JSON.parse(readFileSync(join(CLI_DIR, "package.json"), "utf8"));
  assert.equal(pkg.name, "@iron-runtime/cli");
  assert.equal(pkg.license, "Apache-2.0");
  assert.deepEqual(pkg.bin, { iron: "dist/iron.mjs" });
  assert.equal(pkg.dependencies, undefined, "the bin is one bundled file: no runtime dependencies");
  assert.match(readFileSync(join(CLI_DIR, "LICENSE"), "utf8"), /Apache License\s+Version 2\.0/);

  const packed = npm(["pack", "--json", "--pack-destination", dir], CLI_DIR);
  assert.equal(packed.status, 0, packed.stderr);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("[")));
  assert.equal(info.name, "@iron-runtime/cli");
  assert.deepEqual(info.files.map((f) => f.path).sort(), ["LICENSE", "README.md", "dist/iron.mjs", "package.json"]);
  assert.ok(info.files.find((f) => f.path === "dist/iron.mjs").mode & 0o111, "the bin is executable");

  const prefix = join(dir, "install");
  const installed = npm(["install", "--offline", "--no-save", "--prefix", prefix, join(dir, info.filename)], dir);
  assert.equal(installed.status, 0, installed.stderr);
  const bin = join(prefix, "node_modules", ".bin", "iron");
  const version = spawnSync(bin, ["--version"], { env, encoding: "utf8" });
  assert.equal(version.status, 0, version.stderr);
  assert.equal(version.stdout.trim(), pkg.version);
  const help = spawnSync(bin, ["agents", "create", "--help"], { env, encoding: "utf8" });
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /Examples:\n {2}iron agents create/);
});
