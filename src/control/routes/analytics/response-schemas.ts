import { z } from "zod";
import { PERIODS } from "../../../analytics/period";
import { usdText } from "../shared";

export const periodJson = z.object({
  name: z.enum(PERIODS),
  from: z.iso.datetime().nullable().meta({ description: "Inclusive start, on an hour (UTC); null for all-time." }),
  to: z.iso.datetime().meta({ description: "Exclusive end, on an hour (UTC)." }),
}).meta({ id: "AnalyticsPeriod" });

export const tokensJson = z.object({
  input: z.number().int(),
  cached_input: z.number().int(),
  cache_write: z.number().int(),
  output: z.number().int(),
  reasoning: z.number().int(),
  total: z.number().int(),
}).meta({ id: "AnalyticsTokens", description: "Tokens by class (the classes are disjoint; `total` is their sum)." });

export const figuresShape = {
  cost_usd: usdText,
  requests: z.number().int(),
  successes: z.number().int().meta({ description: "Requests answered by the provider (outcome `ok`)." }),
  errors: z.number().int().meta({ description: "Refusals and upstream errors." }),
  success_rate: z.number().min(0).max(1).nullable().meta({ description: "successes / requests; null without requests." }),
  avg_latency_ms: z.number().int().nullable(),
  tokens: tokensJson,
};

export const figuresJson = z.object(figuresShape).meta({ id: "AnalyticsFigures" });

export const groupKeyShape = {
  key: z.string().nullable().meta({ description: "The agent id, provider id or model; null for requests refused before it was known." }),
  name: z.string().nullable().meta({ description: "The agent's or provider's name, or the model." }),
};
