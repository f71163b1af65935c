import { DurableObject } from "cloudflare:workers";

export class AgentBudget extends DurableObject<Env> {
  ping(): string {
    return "pong";
  }
}
