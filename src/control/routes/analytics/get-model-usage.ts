import { z } from "zod";
import { figuresView } from "../../../analytics/figures";
import { modelUsage } from "../../../analytics/model-usage";
import { periodView } from "../../../analytics/period";
import { isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { periodOf, scopeFor } from "./analytics-scope";
import { periodFields } from "./query-schemas";
import { figuresShape, periodJson } from "./response-schemas";

const modelJson = z.object({
  model: z.string().nullable().meta({ description: "null for requests that named no model (refused before routing)." }),
  provider_ids: z.array(z.string()).meta({ description: "Providers that served it in the period." }),
  agents: z.number().int().meta({ description: "Agents that used it in the period." }),
  ...figuresShape,
}).meta({ id: "AnalyticsModelUsage" });

/** `GET /analytics/models`: which models are used, how much and at what cost. */
export const getModelUsageRoute = defineRoute({
  method: "get",
  path: "/analytics/models",
  operationId: "getAnalyticsModelUsage",
  summary: "Model usage: requests, tokens and cost per model",
  description: "From the hourly usage rollups, most requested model first. Users see only their own agents.",
  tags: ["analytics"],
  role: "viewer",
  query: z.strictObject(periodFields),
  response: z.object({ period: periodJson, models: z.array(modelJson) }),
  errors: ["NOT_FOUND"],
  handler: async (c, { query, actor }) => {
    const period = periodOf(query, Date.now());
    if (isControlRefusal(period)) return period;
    const scope = await scopeFor(c.env.DB, actor, query);
    if (isControlRefusal(scope)) return scope;
    const rows = await modelUsage(c.env.DB, scope, period);
    const models = rows.map((row) => ({
      model: row.model,
      provider_ids: row.providers === null ? [] : row.providers.split(",").sort(),
      agents: row.agents,
      ...figuresView(row),
    }));
    return { period: periodView(period), models };
  },
});
