import { lookupPrice, pricedModels } from "../../src/pricing/lookup";
import { bearerKey, json, missingOpenaiKey } from "./http";

/** `GET /v1/models`: every OpenAI model of the price table. */
export function handleModels(request: Request): Response {
  if (bearerKey(request) === null) return missingOpenaiKey();
  const data = pricedModels()
    .filter((id) => lookupPrice(id)?.vendor === "openai")
    .map((id) => ({ id, object: "model", created: 1_700_000_000, owned_by: "openai" }));
  return json({ object: "list", data });
}
