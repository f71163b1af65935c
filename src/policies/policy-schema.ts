import { z } from "zod";

/**
 * The policy document stored per agent and per project, shared with the safety firewall (issue 5), which reads the
 * `safety` part, and the gateway, which enforces `models.allow` today. Every part is optional: what a level leaves
 * out it inherits (defaults ← project ← agent).
 */
export const SAFETY_CATEGORIES = ["secrets", "pii", "injection"] as const;
export type SafetyCategory = (typeof SAFETY_CATEGORIES)[number];

/** From the most to the least strict: `block` refuses the call, `redact` masks the match, `warn` flags it in the
 * response headers and the audit record, `log` only records it, `off` does not scan. */
export const SAFETY_ACTIONS = ["block", "redact", "warn", "log", "off"] as const;
export type SafetyAction = (typeof SAFETY_ACTIONS)[number];
export type SafetyDirection = "input" | "output";

export const safetyActionSchema = z.enum(SAFETY_ACTIONS).meta({ description: "block > redact > warn > log > off (most to least strict)." });

const directionSchema = z
  .strictObject({ secrets: safetyActionSchema.optional(), pii: safetyActionSchema.optional(), injection: safetyActionSchema.optional() })
  .meta({ description: "Action per detector; a detector left out is inherited." });

const modelName = z.string().min(1).max(200).regex(/^[\w.:/@-]+$/, "A model name (letters, digits, . _ - : / @).");

export const policyDocumentSchema = z
  .strictObject({
    safety: z.strictObject({ input: directionSchema.optional(), output: directionSchema.optional() }).optional(),
    models: z
      .strictObject({
        allow: z
          .array(modelName)
          .max(500)
          .refine((list) => new Set(list).size === list.length, "Each model once.")
          .nullable()
          .meta({ description: "Models allowed at this level (matched by the name the agent sends or its priced name); null = no restriction here. Levels intersect." }),
      })
      .optional(),
  })
  .meta({ id: "PolicyDocument" });

export type PolicyDocument = z.output<typeof policyDocumentSchema>;

export type SafetyRules = Record<SafetyDirection, Record<SafetyCategory, SafetyAction>>;

/** What applies where nothing is set (the safety issue): block secrets going in, redact secrets and PII coming out, warn on injection. */
export const DEFAULT_SAFETY: SafetyRules = {
  input: { secrets: "block", pii: "log", injection: "warn" },
  output: { secrets: "redact", pii: "redact", injection: "warn" },
};

/** How strict an action is: a larger number is stricter. */
export function strictness(action: SafetyAction): number {
  return SAFETY_ACTIONS.length - SAFETY_ACTIONS.indexOf(action);
}
