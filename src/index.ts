import { Hono } from "hono";

export { AgentBudget } from "../durable-objects/agent-budget";

const app = new Hono<{ Bindings: Env }>();
app.get("/health", (c) => c.json({ ok: true }));

export default app;
