import { z } from "zod";
import type { AuditRow } from "../../audit/audit-record";

const hash = z.string().meta({ description: "Hex SHA-256." });

/** One audit record as the API shows it: the stored columns, `before`/`after` as JSON (secrets already fingerprinted). */
export const auditItemSchema = z
  .object({
    seq: z.number().int().meta({ description: "Position in the chain: 1, 2, 3, … without gaps." }),
    id: z.string().meta({ description: "aud_…" }),
    at: z.string().meta({ description: "ISO-8601 UTC." }),
    actor: z.object({
      id: z.string().nullable().meta({ description: "usr_… (or null for an anonymous caller, e.g. a failed login)." }),
      role: z.string().meta({ description: "admin | user | viewer | agent | anonymous | system" }),
    }),
    action: z.string().meta({ description: "noun.verb: agent.create, auth.login, … (`api.<operation>` for a refused read)." }),
    target: z.object({ type: z.string().nullable(), id: z.string().nullable() }),
    outcome: z.enum(["ok", "denied", "failed"]),
    before: z.unknown().meta({ description: "The object before the change (JSON, secrets as fingerprints), or null." }),
    after: z.unknown().meta({ description: "The object after the change, or what was refused and why; or null." }),
    ip: z.string().nullable(),
    request_id: z.string().nullable().meta({ description: "The x-request-id of the call that wrote it." }),
    prev_hash: hash,
    hash: hash.meta({ description: "SHA-256 over this record's fields and prev_hash (see GET /audit/verify)." }),
  })
  .meta({ id: "AuditRecord" });

export type AuditItem = z.input<typeof auditItemSchema>;

export function auditItem(row: AuditRow): AuditItem {
  return {
    seq: row.seq,
    id: row.id,
    at: row.at,
    actor: { id: row.actor_id, role: row.actor_role },
    action: row.action,
    target: { type: row.target_type, id: row.target_id },
    outcome: row.outcome as AuditItem["outcome"],
    before: parseStored(row.before),
    after: parseStored(row.after),
    ip: row.ip,
    request_id: row.request_id,
    prev_hash: row.prev_hash,
    hash: row.hash,
  };
}

/** The stored JSON text, parsed; text that is not JSON (only a tampered row could hold it) is shown as is. */
function parseStored(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
