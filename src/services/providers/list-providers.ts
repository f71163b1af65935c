import { drizzle } from "drizzle-orm/d1";
import { and, asc, eq, gt, or, type SQL } from "drizzle-orm";
import type { ControlRefusal } from "../../control/openapi/control-errors";
import { decodeCursor, pageOf } from "../../control/routes/shared/cursor";
import { isControlRefusal } from "../../control/openapi/control-errors";
import { providers, type ProviderRow } from "../../db/schema";
import { providerDetails, type ProviderDetail } from "./provider-usage";

export interface ProviderFilter {
  kind?: ProviderRow["kind"] | undefined;
  status?: ProviderRow["status"] | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** One page of providers, oldest first (keyset on created_at, id), with usage and agent counts. */
export async function listProviders(env: Env, filter: ProviderFilter): Promise<{ data: ProviderDetail[]; pagination: { next_cursor: string | null; limit: number } } | ControlRefusal<"VALIDATION_ERROR">> {
  const after = decodeCursor(filter.cursor, 2);
  if (isControlRefusal(after)) return after;
  const where: SQL[] = [];
  if (filter.kind !== undefined) where.push(eq(providers.kind, filter.kind));
  if (filter.status !== undefined) where.push(eq(providers.status, filter.status));
  if (after !== null) {
    const [at, id] = [String(after[0]), String(after[1])];
    const next = or(gt(providers.createdAt, at), and(eq(providers.createdAt, at), gt(providers.id, id)));
    if (next !== undefined) where.push(next);
  }
  const rows = await drizzle(env.DB)
    .select()
    .from(providers)
    .where(and(...where))
    .orderBy(asc(providers.createdAt), asc(providers.id))
    .limit(filter.limit + 1);
  const page = pageOf(rows, filter.limit, (row) => [row.createdAt, row.id]);
  return { data: await providerDetails(env, page.data), pagination: page.pagination };
}
