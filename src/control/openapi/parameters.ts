import type { z } from "zod";
import { renderSchema, type JsonSchema } from "./json-schema";

/** OpenAPI parameter objects for a path or query schema (a z.object): one per property, schema and description included. */
export function parametersOf(schema: z.ZodType | undefined, where: "path" | "query", schemas: Record<string, JsonSchema>, owner: string): JsonSchema[] {
  if (schema === undefined) return [];
  const json = renderSchema(schema, "input", schemas, owner);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(json.required) ? json.required.map(String) : []);
  return Object.entries(properties).map(([name, property]) => {
    const parameter: JsonSchema = { name, in: where, required: where === "path" || required.has(name), schema: property };
    if (typeof property.description === "string") parameter.description = property.description;
    return parameter;
  });
}
