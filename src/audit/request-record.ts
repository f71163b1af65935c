import { drizzle } from "drizzle-orm/d1";
import { requestLog, type RequestLogRow } from "../db/schema";

/**
 * One audit record per agent request: a D1 row and one JSON line on the Worker log (`wrangler tail`).
 * Only counts, ids, model names and outcomes: no prompt, no completion, no token, no provider key.
 * Written through `waitUntil`, never on the response path.
 */
export type RequestRecord = RequestLogRow;

export function recordRequest(env: Env, ctx: ExecutionContext, record: RequestRecord): void {
  console.log(JSON.stringify({ event: "iron.request", ...record }));
  ctx.waitUntil(writeRow(env, record));
}

async function writeRow(env: Env, record: RequestRecord): Promise<void> {
  try {
    await drizzle(env.DB).insert(requestLog).values(record).onConflictDoNothing();
  } catch (error) {
    console.error(JSON.stringify({ event: "iron.audit_write_failed", request_id: record.id, error: error instanceof Error ? error.name : "unknown" }));
  }
}
