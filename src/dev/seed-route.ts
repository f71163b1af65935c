import { Hono } from "hono";
import { z } from "zod";
import { isRefusal } from "../errors/refusal";
import { createAgent } from "../services/agents/create-agent";
import { createProvider } from "../services/providers/create-provider";
import { usdToMicros } from "../pricing/cost";
import { constantTimeEqual } from "../tokens/constant-time";

const seedSchema = z.object({ mock_url: z.url(), budget_usd: z.number().positive().default(5) });

/**
 * `POST /__dev/seed`: demo data for the local stack (a provider of each kind pointing at the mock provider,
 * and a demo agent). Exists only when IRON_ENV is "development" and the caller knows IRON_DEV_SEED_KEY
 * (a random value `npm start` writes into the git-ignored .dev.vars). Answers 404 everywhere else.
 */
export const devSeedRoutes = new Hono<{ Bindings: Env }>().post("/seed", async (c) => {
  const key = c.req.header("x-iron-dev-seed-key") ?? "";
  if (c.env.IRON_ENV !== "development" || c.env.IRON_DEV_SEED_KEY.length < 16 || !constantTimeEqual(key.padEnd(64), c.env.IRON_DEV_SEED_KEY.padEnd(64))) {
    return c.json({ error: { code: "NOT_FOUND", message: "not found" } }, 404);
  }
  const input = seedSchema.safeParse(await c.req.json().catch(() => null));
  if (!input.success) return c.json({ error: { code: "VALIDATION_ERROR", message: input.error.message } }, 400);
  const suffix = crypto.randomUUID().slice(0, 8);
  const openai = await createProvider(c.env, { name: `demo-openai-${suffix}`, kind: "openai", baseUrl: `${input.data.mock_url}/v1`, apiKey: `sk-demo-${crypto.randomUUID()}` });
  const anthropic = await createProvider(c.env, { name: `demo-anthropic-${suffix}`, kind: "anthropic", baseUrl: input.data.mock_url, apiKey: `sk-ant-demo-${crypto.randomUUID()}` });
  if (isRefusal(openai)) return c.json({ error: { code: "SEED_FAILED", message: openai.message } }, 500);
  if (isRefusal(anthropic)) return c.json({ error: { code: "SEED_FAILED", message: anthropic.message } }, 500);
  const created = await createAgent(c.env, { name: "demo-agent", budgetMicros: usdToMicros(input.data.budget_usd), providerIds: [openai.id, anthropic.id] });
  if (isRefusal(created)) return c.json({ error: { code: "SEED_FAILED", message: created.message } }, 500);
  return c.json({ agent: created.agent, token: created.token, providers: [openai, anthropic] }, 201);
});
