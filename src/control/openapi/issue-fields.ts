import type { z } from "zod";

/**
 * Adds every zod issue to `fields` under its location: body fields by their dotted path (`limits.rpm`, the whole
 * body as `body`), query and path parameters as `query.limit` / `path.id`. Unknown keys get one entry each, so
 * `{"role":"admin","owner_id":"…"}` smuggled into an update names both. The first message per field wins.
 */
export function addIssueFields(fields: Record<string, string>, where: "path" | "query" | "body", issues: readonly z.core.$ZodIssue[]): void {
  for (const issue of issues) {
    const base = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[fieldName(where, [...base, key])] ??= "Unknown field: not accepted here.";
    } else {
      fields[fieldName(where, base)] ??= issue.message;
    }
  }
}

function fieldName(where: "path" | "query" | "body", path: readonly string[]): string {
  if (where === "body") return path.length === 0 ? "body" : path.join(".");
  return path.length === 0 ? where : `${where}.${path.join(".")}`;
}
