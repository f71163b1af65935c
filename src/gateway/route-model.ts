import type { ProviderRow } from "../db/schema";
import { refuse, type Refusal } from "../errors/refusal";
import { lookupPrice, type ModelPrice } from "../pricing/lookup";
import type { Vendor } from "../pricing/price-table";
import { allowsModel } from "../policies/merge-policy";
import type { AgentRecord } from "./agent-directory";

export interface Route {
  price: ModelPrice;
  provider: ProviderRow;
  /** The model name as the agent sent it (forwarded upstream unchanged). */
  model: string;
}

const vendorOf = (kind: ProviderRow["kind"]): Vendor => (kind === "anthropic" ? "anthropic" : "openai");

/**
 * model → price → the first of the agent's active providers that serves it. Unknown or unpriced models are refused,
 * and so are models outside the agent's `allowed_models` or its policies' allow-list (`policyModels`, null = none).
 */
export function resolveRoute(
  model: string,
  endpoint: "chat" | "embeddings",
  agent: AgentRecord,
  candidates: readonly ProviderRow[],
  policyModels: readonly string[] | null = null,
): Route | Refusal {
  const price = lookupPrice(model);
  if (price === null) {
    return refuse("model_not_priced", `Model '${model}' has no price in Iron's price table, so it cannot be used (it would never be charged $0). Ask an admin to add a price for it.`, { field: "model" });
  }
  const wantKind = endpoint === "chat" ? "chat" : "embedding";
  if (price.kind !== wantKind) {
    return refuse("invalid_request", `Model '${model}' is ${price.kind === "chat" ? "a chat" : "an embedding"} model and cannot be used on this endpoint.`, { field: "model" });
  }
  if (agent.allowedModels !== null && !agent.allowedModels.includes(model) && !agent.allowedModels.includes(price.model)) {
    return refuse("model_not_allowed", `This agent is not allowed to use model '${model}'.`, { field: "model" });
  }
  if (!allowsModel(policyModels, model, price.model)) {
    return refuse("model_not_allowed", `The policy of this agent or its project does not allow model '${model}'.`, { field: "model" });
  }
  const serving = candidates.filter((p) => vendorOf(p.kind) === price.vendor && (p.models === null || p.models.includes(model) || p.models.includes(price.model)));
  const provider = serving.find((p) => p.status === "active");
  if (provider === undefined) {
    const why = serving.length > 0 ? "the provider serving it to this agent is disabled" : "no provider available to this agent serves it";
    return refuse("model_not_allowed", `Model '${model}' cannot be used: ${why}.`, { field: "model" });
  }
  return { price, provider, model };
}
