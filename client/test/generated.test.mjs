// The generated files are what client/scripts/generate.mjs makes of client/openapi.json, and the client needs nothing
// from Node (the dashboard bundles it for the browser).
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { GENERATED, generateSources } from "../scripts/generate.mjs";
import { CLIENT_DIR, loadClient } from "./helpers.mjs";

test("src/generated is current with openapi.json (else: npm run generate --prefix client)", () => {
  const doc = JSON.parse(readFileSync(join(CLIENT_DIR, "openapi.json"), "utf8"));
  const fresh = generateSources(doc);
  for (const [name, path] of Object.entries(GENERATED)) assert.equal(readFileSync(path, "utf8"), fresh[name], `${path} is stale`);
});

test("the generator types each schema and operation", () => {
  const { schemas, operations } = generateSources({
    servers: [{ url: "/api/v9" }],
    components: { schemas: { Thing: { type: "object", properties: { id: { type: "string", description: "thg_…" }, n: { type: ["integer", "null"] }, tags: { type: "array", items: { enum: ["a", "b"] } }, "x-y": { anyOf: [{ const: true }, { type: "null" }] } }, required: ["id", "n"] } } },
    paths: {
      "/things/{id}": {
        put: {
          operationId: "putThing", summary: "Put", "x-iron-role": "admin", tags: ["t"],
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }, { name: "dry", in: "query", schema: { type: "string", enum: ["true", "false"] } }],
          requestBody: { required: false, content: { "application/json": { schema: { type: "object", properties: { budget_usd: { anyOf: [{ type: "number" }, { type: "string" }] } } } } } },
          responses: { 200: { content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } },
        },
      },
    },
  });
  assert.match(schemas, /export type Thing = \{\n {2}\/\*\* thg_… \*\/\n {2}id: string;\n {2}n: number \| null;\n {2}tags\?: \("a" \| "b"\)\[\];\n {2}"x-y"\?: true \| null;\n\};/);
  assert.match(operations, /export const API_PREFIX = "\/api\/v9";/);
  assert.match(operations, /putThing: \{\n {4}params: \{\n {6}id: string;\n {4}\};\n {4}query: \{\n {6}dry\?: "true" \| "false";\n {4}\};\n {4}body: \{\n {6}budget_usd\?: number \| string;\n {4}\} \| undefined;\n {4}response: Thing;/);
  assert.match(operations, /"kind": "money"/);
});

test("client/src imports nothing from Node and bundles for the browser", async () => {
  const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  for (const file of files(join(CLIENT_DIR, "src"))) {
    const text = readFileSync(file, "utf8");
    assert.doesNotMatch(text, /from "node:|require\(|\bprocess\.|\bBuffer\./, file);
  }
  const browser = await loadClient("browser");
  assert.equal(typeof browser.createControlClient, "function");
});
