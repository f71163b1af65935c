import { app } from "./app";

export { AgentBudget } from "../durable-objects/agent-budget";

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
