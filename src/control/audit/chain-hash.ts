import type { AuditRow } from "./audit-record";

/** The `prev_hash` of the first record. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * The bytes a record's hash covers: a version tag, then every column but `hash` in a fixed order, as the exact
 * stored values (`before`/`after` are the stored JSON text, so verifying needs no re-canonicalization). A JSON array
 * of strings, numbers and nulls has exactly one serialization.
 */
export function chainPayload(row: Omit<AuditRow, "hash">): string {
  return JSON.stringify([
    "iron-audit-v1", row.seq, row.id, row.at, row.actor_id, row.actor_role, row.action, row.target_type, row.target_id,
    row.outcome, row.before, row.after, row.ip, row.request_id, row.prev_hash,
  ]);
}

/** Hex SHA-256 of the record's payload: `hash = SHA-256(fields ‖ prev_hash)`, so each record seals its predecessor. */
export async function chainHash(row: Omit<AuditRow, "hash">): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(chainPayload(row)));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
