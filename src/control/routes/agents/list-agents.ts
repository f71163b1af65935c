import { drizzle } from "drizzle-orm/d1";
import { and, desc, eq, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { agents } from "../../../db/schema";
import { isControlRefusal } from "../../openapi/control-errors";
import { listOf, pageQuery } from "../../openapi/common-schemas";
import { defineRoute } from "../../openapi/route";
import { decodeCursor, ownerFilter, pageOf } from "../shared";
import { agentSummaryOf } from "./agent-json";
import { agentStatus, agentSummaryJson, projectId, userId } from "./agent-schemas";

const query = pageQuery({
  status: agentStatus.optional().meta({ description: "Only agents in this status; by default every agent except deleted ones." }),
  owner_id: userId.optional(),
  project_id: projectId.optional(),
  q: z.string().trim().min(1).max(100).optional().meta({ description: "Name contains this (case-insensitive)." }),
});

export const listAgentsRoute = defineRoute({
  method: "get",
  path: "/agents",
  operationId: "listAgents",
  summary: "List agents",
  description: "Users see their own agents; admins and viewers see all. Newest first. Deleted agents only with `status=deleted`.",
  tags: ["agents"],
  role: "viewer",
  query,
  response: listOf(agentSummaryJson),
  errors: [],
  handler: async (c, { query: q, actor }) => {
    const cursor = decodeCursor(q.cursor, 2);
    if (isControlRefusal(cursor)) return cursor;
    const where: (SQL | undefined)[] = [q.status === undefined ? ne(agents.status, "deleted") : eq(agents.status, q.status)];
    const owner = ownerFilter(actor);
    if (owner !== null) where.push(eq(agents.ownerId, owner));
    if (q.owner_id !== undefined) where.push(eq(agents.ownerId, q.owner_id));
    if (q.project_id !== undefined) where.push(eq(agents.projectId, q.project_id));
    // instr() rather than LIKE: `%` and `_` in the search text are matched literally.
    if (q.q !== undefined) where.push(sql`instr(lower(${agents.name}), lower(${q.q})) > 0`);
    if (cursor !== null) {
      const [at, id] = cursor.map(String);
      if (at !== undefined && id !== undefined) where.push(or(lt(agents.createdAt, at), and(eq(agents.createdAt, at), lt(agents.id, id))));
    }
    const rows = await drizzle(c.env.DB)
      .select()
      .from(agents)
      .where(and(...where))
      .orderBy(desc(agents.createdAt), desc(agents.id))
      .limit(q.limit + 1);
    const page = pageOf(rows, q.limit, (row) => [row.createdAt, row.id]);
    return { data: page.data.map(agentSummaryOf), pagination: page.pagination };
  },
});
