import { app } from "./app";

export { AgentBudget } from "../durable-objects/agent-budget";
export { ProjectBudget } from "../durable-objects/project-budget";

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
