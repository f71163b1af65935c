import { z } from "zod";
import { controlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { verifyAuditChain } from "../../audit/verify-chain";

/*
 * One call checks at most MAX_ROWS records, PAGE at a time: 20 000 / 500 = 40 D1 queries, under the 50 queries an
 * invocation may make on the smallest Workers plan, and a few hundred ms of hashing. A longer chain is verified in
 * steps: each answer's `last_seq`/`last_hash` is the checkpoint (`from_seq`/`from_hash`) of the next call.
 */
const PAGE = 500;
const MAX_ROWS = 20_000;
const DEFAULT_ROWS = 5_000;

const verifiedSchema = z.object({
  ok: z.literal(true),
  checked: z.number().int().meta({ description: "Records verified by this call." }),
  last_seq: z.number().int().meta({ description: "The last verified record (the checkpoint of the next call); 0 for an empty chain." }),
  last_hash: z.string().meta({ description: "Its hash: compare with the `iron.audit` log lines to detect a cut-off tail." }),
  complete: z.boolean().meta({ description: "False when max_rows stopped the check: continue from last_seq/last_hash." }),
});
const brokenSchema = z.object({
  ok: z.literal(false),
  first_break: z.object({ seq: z.number().int(), reason: z.string() }),
  checked: z.number().int().meta({ description: "Records verified before the break." }),
});

/** `GET /audit/verify`: recomputes the hash chain and reports the first break. Reads only. */
export const verifyAuditRoute = defineRoute({
  method: "get",
  path: "/audit/verify",
  operationId: "verifyAuditChain",
  summary: "Verify the audit log's hash chain",
  description:
    "Recomputes every record's hash in seq order and reports the first break: an edited record (at that record), a " +
    `deleted one (at the missing seq), records reordered or rewritten with their hash (at the first that no longer links). ` +
    `Checks at most \`max_rows\` records (default ${DEFAULT_ROWS}, at most ${MAX_ROWS}) per call; continue with ` +
    "`from_seq`/`from_hash` = the previous answer's `last_seq`/`last_hash`. A chain cut off at its end still links: " +
    "compare `last_seq`/`last_hash` with the `iron.audit` lines of the Worker log. Changes nothing.",
  tags: ["audit"],
  role: "admin",
  query: z.strictObject({
    from_seq: z.coerce.number().int().min(0).optional().meta({ description: "Checkpoint: the last seq a previous call verified." }),
    from_hash: z.string().regex(/^[0-9a-f]{64}$/, "The 64-hex hash of the checkpoint record.").optional().meta({ description: "Checkpoint: that record's hash." }),
    max_rows: z.coerce.number().int().min(1).max(MAX_ROWS).default(DEFAULT_ROWS),
  }),
  response: z.discriminatedUnion("ok", [verifiedSchema, brokenSchema]).meta({ id: "AuditChainReport" }),
  errors: [],
  handler: async (c, { query }) => {
    if ((query.from_seq === undefined) !== (query.from_hash === undefined)) {
      const missing = query.from_seq === undefined ? "query.from_seq" : "query.from_hash";
      return controlRefusal("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields: { [missing]: "from_seq and from_hash go together." } });
    }
    const from = query.from_seq !== undefined && query.from_hash !== undefined ? { seq: query.from_seq, hash: query.from_hash } : undefined;
    const report = await verifyAuditChain(c.env.DB, { pageSize: PAGE, maxRows: query.max_rows, ...(from === undefined ? {} : { from }) });
    if (!report.ok) return { ok: false as const, first_break: { seq: report.seq, reason: report.reason }, checked: report.checked };
    return { ok: true as const, checked: report.count, last_seq: report.lastSeq, last_hash: report.lastHash, complete: report.complete };
  },
});
