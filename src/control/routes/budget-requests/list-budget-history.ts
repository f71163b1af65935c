import { z } from "zod";
import { microsToUsd } from "../../../pricing/cost";
import { controlRefusal, isControlRefusal } from "../../openapi/control-errors";
import { listOf, pageQuery } from "../../openapi/common-schemas";
import { defineRoute } from "../../openapi/route";
import { decodeCursor, ownerFilter, pageOf, usdText } from "../shared";

const SOURCES = ["create", "limit_set", "budget_request"] as const;

/** Any ISO-8601 time with an offset, normalised to the stored form (`…T…Z` with milliseconds) so text order is time order. */
const isoTime = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

const budgetChangeSchema = z
  .object({
    id: z.string(),
    target_type: z.enum(["agent", "project"]),
    target_id: z.string(),
    old_budget_usd: usdText.nullable().meta({ description: "null when the object was created with this budget." }),
    new_budget_usd: usdText,
    delta_usd: usdText.meta({ description: "new − old (the whole budget for a creation)." }),
    source: z.enum(SOURCES),
    budget_request_id: z.string().nullable().meta({ description: "The budget request (brq_…) an approval applied, if any." }),
    actor_id: z.string().nullable(),
    reason: z.string().nullable(),
    at: z.string(),
  })
  .meta({ id: "BudgetChange" });

interface ChangeRow {
  id: string;
  target_type: "agent" | "project";
  target_id: string;
  old_micros: number | null;
  new_micros: number;
  source: (typeof SOURCES)[number];
  request_id: string | null;
  actor_id: string | null;
  reason: string | null;
  at: string;
}

export const listBudgetHistoryRoute = defineRoute({
  method: "get",
  path: "/budget-history",
  operationId: "listBudgetHistory",
  summary: "The history of every budget change, newest first",
  description: "Agent and project budgets: creations, limit changes and approved budget requests. Users see the history of their own agents only. `from` is inclusive, `to` exclusive.",
  tags: ["budget-history"],
  role: "viewer",
  query: pageQuery({
    target_type: z.enum(["agent", "project"]).optional(),
    target_id: z.string().regex(/^[a-z]+_[0-9A-Za-z]{1,32}$/, "An agent or project id.").optional(),
    source: z.enum(SOURCES).optional(),
    from: isoTime.optional(),
    to: isoTime.optional(),
  }),
  response: listOf(budgetChangeSchema),
  errors: [],
  handler: async (c, { query, actor }) => {
    const cursor = decodeCursor(query.cursor, 2);
    if (isControlRefusal(cursor)) return cursor;
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      return controlRefusal("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields: { "query.to": "Must not be before `from`." } });
    }
    const where: string[] = [];
    const binds: (string | number)[] = [];
    const add = (clause: string, ...values: (string | number)[]): void => {
      where.push(clause);
      binds.push(...values);
    };
    const owner = ownerFilter(actor);
    if (owner !== null) add("c.target_type = 'agent' AND a.owner_id = ?", owner);
    if (query.target_type !== undefined) add("c.target_type = ?", query.target_type);
    if (query.target_id !== undefined) add("c.target_id = ?", query.target_id);
    if (query.source !== undefined) add("c.source = ?", query.source);
    if (query.from !== undefined) add("c.at >= ?", query.from);
    if (query.to !== undefined) add("c.at < ?", query.to);
    if (cursor !== null) {
      const [at, id] = cursor as [string, string];
      add("(c.at < ? OR (c.at = ? AND c.id < ?))", at, at, id);
    }
    const sql = `SELECT c.* FROM budget_changes c LEFT JOIN agents a ON c.target_type = 'agent' AND a.id = c.target_id
      ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY c.at DESC, c.id DESC LIMIT ?`;
    const rows = await c.env.DB.prepare(sql).bind(...binds, query.limit + 1).all<ChangeRow>();
    const page = pageOf(rows.results, query.limit, (row) => [row.at, row.id]);
    return { data: page.data.map(changeView), pagination: page.pagination };
  },
});

function changeView(row: ChangeRow): z.input<typeof budgetChangeSchema> {
  return {
    id: row.id,
    target_type: row.target_type,
    target_id: row.target_id,
    old_budget_usd: row.old_micros === null ? null : microsToUsd(row.old_micros),
    new_budget_usd: microsToUsd(row.new_micros),
    delta_usd: microsToUsd(row.new_micros - (row.old_micros ?? 0)),
    source: row.source,
    budget_request_id: row.request_id,
    actor_id: row.actor_id,
    reason: row.reason,
    at: row.at,
  };
}
