import { z } from "zod";

/** Lists never return more than this many items per page; a larger `limit` is a validation error, not a clamp. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

/** The control API's error body (`renderRefusal` in control-errors.ts renders it). Shared as `#/components/schemas/ErrorBody`. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().regex(/^[A-Z][A-Z0-9_]*$/).meta({ description: "Stable UPPER_SNAKE code; decides the HTTP status." }),
      message: z.string().meta({ description: "For humans; never contains a secret." }),
      fields: z.record(z.string(), z.string()).optional().meta({ description: "Every invalid field of the request and why (`query.limit`, `path.id`, or the body field's dotted path)." }),
      details: z.record(z.string(), z.unknown()).optional().meta({ description: "More about the refusal, e.g. the impact preview of a change that needs `force: true`." }),
    }),
  })
  .meta({ id: "ErrorBody" });

export const paginationSchema = z
  .object({
    next_cursor: z.string().nullable().meta({ description: "Pass as `cursor` to get the next page; null on the last page." }),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE),
  })
  .meta({ id: "Pagination" });

/** `{"data":[…],"pagination":{"next_cursor":…,"limit":…}}` — the envelope of every list. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), pagination: paginationSchema });
}

/** The query of a list route: `cursor` and `limit` (1…MAX_PAGE_SIZE, default DEFAULT_PAGE_SIZE) plus its own filters. Strict. */
export function pageQuery<S extends z.core.$ZodLooseShape>(filters: S) {
  return z.strictObject({
    cursor: z.string().min(1).max(512).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    ...filters,
  });
}
