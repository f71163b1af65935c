import { lookupPrice, type ModelPrice } from "../../src/pricing/lookup";
import type { ModelKind } from "../../src/pricing/price-table";
import { bearerKey, invalidRequest, missingOpenaiKey, modelNotFound } from "./http";
import { isObject, readJson, stringField, type JsonObject } from "./json";
import { logRequest } from "./request-log";

export interface OpenaiRequest {
  key: string;
  body: JsonObject;
  model: string;
  price: ModelPrice;
}

/** What every OpenAI route checks first, as OpenAI does: the key, a JSON object body, a known model of the right kind. */
export async function acceptOpenaiRequest(request: Request, kind: ModelKind): Promise<OpenaiRequest | Response> {
  const key = bearerKey(request);
  if (key === null) return missingOpenaiKey();
  const body = await readJson(request);
  logRequest(key, request, body);
  if (!isObject(body)) return invalidRequest("openai", "We could not parse the JSON body of your request.");
  const model = stringField(body, "model");
  if (model === null) return invalidRequest("openai", "you must provide a model parameter", "model");
  const price = lookupPrice(model);
  if (price === null || price.vendor !== "openai" || price.kind !== kind) return modelNotFound("openai", model);
  return { key, body, model, price };
}
