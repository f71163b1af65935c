import { z } from "zod";
import { policyDocumentSchema, SAFETY_ACTIONS } from "../../../policies/policy-schema";

export const agentIdParams = z.object({ id: z.string().regex(/^agt_[0-9A-Za-z]{1,40}$/, "An agent id (agt_…).") });
export const projectIdParams = z.object({ id: z.string().regex(/^prj_[0-9A-Za-z]{1,40}$/, "A project id (prj_…).") });

export const policyResourceSchema = z
  .object({
    id: z.string().nullable(),
    target_type: z.enum(["agent", "project"]),
    target_id: z.string(),
    policy: policyDocumentSchema.nullable().meta({ description: "null: nothing set at this level; it inherits (defaults ← project ← agent)." }),
    updated_by: z.string().nullable(),
    created_at: z.string().nullable(),
    updated_at: z.string().nullable(),
  })
  .meta({ id: "Policy" });

const action = z.enum(SAFETY_ACTIONS);
const source = z.enum(["default", "project", "agent"]);
const rules = <T extends z.ZodType>(value: T) => z.object({ secrets: value, pii: value, injection: value });

export const effectivePolicySchema = z
  .object({
    agent_id: z.string(),
    project_id: z.string().nullable(),
    safety: z.object({ input: rules(action), output: rules(action) }),
    sources: z.object({ input: rules(source), output: rules(source) }).meta({ description: "Which level each action comes from." }),
    models: z.object({
      allow: z.array(z.string()).nullable().meta({ description: "The intersection of the agent's allowed_models, its project's policy and its own policy; null = every model its providers serve." }),
    }),
  })
  .meta({ id: "EffectivePolicy" });

export const LAG_NOTE =
  "Stored in D1 and cached in KV for the gateway: a change applies at once in the location that made it and everywhere within about 65 s (KV propagation ≤ 60 s plus a 5 s per-isolate memo).";
