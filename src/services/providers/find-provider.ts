import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { providers, type ProviderRow } from "../../db/schema";

/** The provider row (key still sealed), straight from D1; null when there is none. Never hand the row to a response. */
export async function findProvider(env: Env, id: string): Promise<ProviderRow | null> {
  return (await drizzle(env.DB).select().from(providers).where(eq(providers.id, id)).limit(1))[0] ?? null;
}
