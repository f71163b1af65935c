import { drizzle } from "drizzle-orm/d1";
import { inArray } from "drizzle-orm";
import { providers } from "../../db/schema";
import { refuse, type Refusal } from "../../errors/refusal";
import type { RateLimits } from "../../../durable-objects/budget/types";

/** Every provider id must name an existing provider (a typo would leave the agent silently unable to route). */
export async function checkProviders(env: Env, providerIds: readonly string[]): Promise<Refusal | null> {
  if (providerIds.length === 0) return null;
  const found = await drizzle(env.DB).select({ id: providers.id }).from(providers).where(inArray(providers.id, [...providerIds]));
  const missing = providerIds.filter((id) => !found.some((row) => row.id === id));
  return missing.length > 0 ? refuse("invalid_request", `unknown provider: ${missing.join(", ")}`, { field: "provider_ids" }) : null;
}

/** Limits are positive whole numbers, or null for unlimited. */
export function checkLimits(limits: RateLimits | undefined): Refusal | null {
  for (const value of Object.values(limits ?? {})) {
    if (value !== null && (!Number.isSafeInteger(value) || value < 1)) return refuse("invalid_request", "limits must be positive whole numbers or null", { field: "limits" });
  }
  return null;
}
