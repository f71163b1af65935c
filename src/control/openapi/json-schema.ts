import { z } from "zod";

/** A JSON Schema (draft 2020-12, which is OpenAPI 3.1's schema dialect) as plain JSON. */
export type JsonSchema = { [key: string]: unknown };

const COMPONENT_REF = "#/components/schemas/";
const GENERATED_ID = /^__schema\d+$/;

/**
 * Renders a zod schema with zod 4's own `z.toJSONSchema` (draft 2020-12) for embedding in the OpenAPI document.
 * `$defs` (schemas given `.meta({ id })`, recursive schemas) are hoisted into `components.schemas` and their
 * `$ref`s rewritten, because inside an OpenAPI document `#/$defs/…` would resolve against the document root.
 * Request schemas are rendered as inputs (defaults optional, coercions as their input type), responses as outputs.
 */
export function renderSchema(schema: z.ZodType, io: "input" | "output", components: Record<string, JsonSchema>, owner: string): JsonSchema {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "throw", reused: "inline", cycles: "ref" }) as JsonSchema;
  delete json.$schema;
  const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
  delete json.$defs;
  const names = new Map<string, string>();
  for (const id of Object.keys(defs)) names.set(id, GENERATED_ID.test(id) ? `${owner}${id}` : id);
  const rewrite = (node: unknown): unknown => rewriteRefs(node, names);
  for (const [id, def] of Object.entries(defs)) {
    const rendered = rewrite(def) as JsonSchema;
    let name = names.get(id) ?? id;
    if (name in components && !sameJson(components[name], rendered)) {
      if (io === "input" && !GENERATED_ID.test(id)) name = `${name}Input`;
      if (name in components && !sameJson(components[name], rendered)) throw new Error(`Two different schemas are both named '${name}' (.meta({ id })).`);
      names.set(id, name);
    }
    components[name] = rendered;
  }
  return rewrite(json) as JsonSchema;
}

function rewriteRefs(node: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, names));
  if (typeof node !== "object" || node === null) return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string" && value.startsWith("#/$defs/")) {
      const id = decodeURIComponent(value.slice("#/$defs/".length)).replace(/~1/g, "/").replace(/~0/g, "~");
      out[key] = COMPONENT_REF + (names.get(id) ?? id);
    } else {
      out[key] = rewriteRefs(value, names);
    }
  }
  return out;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Where a request schema would accept fields it does not name: every object with declared properties must be
 * strict (`z.strictObject`), so an unknown field (`role`, `owner_id`, `budget_micros` smuggled into an update) is
 * refused instead of silently dropped or, worse, passed on. Maps (`z.record`) are explicit and allowed.
 * Returns JSON-pointer-ish locations of the open objects; empty when the schema is strict throughout.
 */
export function openObjects(schema: z.ZodType): string[] {
  const found: string[] = [];
  visitSchemas(z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }), "", (node, at) => {
    if (typeof node.properties === "object" && node.additionalProperties !== false) found.push(at === "" ? "/" : at);
  });
  return found;
}

const SCHEMA_MAPS = ["properties", "patternProperties", "$defs"] as const;
const SCHEMA_LISTS = ["anyOf", "oneOf", "allOf", "prefixItems"] as const;
const SCHEMA_ONES = ["items", "additionalProperties", "not", "propertyNames", "contains"] as const;

/** Calls `visit` on a schema and every subschema (by keyword, so a property named `properties` is no trap). */
function visitSchemas(node: JsonSchema, at: string, visit: (node: JsonSchema, at: string) => void): void {
  visit(node, at);
  const isSchema = (value: unknown): value is JsonSchema => typeof value === "object" && value !== null && !Array.isArray(value);
  for (const key of SCHEMA_MAPS) {
    const map = node[key];
    if (isSchema(map)) for (const [name, sub] of Object.entries(map)) if (isSchema(sub)) visitSchemas(sub, `${at}/${key}/${name}`, visit);
  }
  for (const key of SCHEMA_LISTS) {
    const list = node[key];
    if (Array.isArray(list)) list.forEach((sub: unknown, index) => { if (isSchema(sub)) visitSchemas(sub, `${at}/${key}/${index}`, visit); });
  }
  for (const key of SCHEMA_ONES) {
    const sub = node[key];
    if (isSchema(sub)) visitSchemas(sub, `${at}/${key}`, visit);
  }
}
