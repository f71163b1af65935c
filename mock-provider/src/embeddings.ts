import { acceptOpenaiRequest } from "./openai-request";
import { countTokens, type Encoding } from "../../src/tokenizer/count-tokens";
import { charge } from "./bill";
import { parseDirectives } from "./directives";
import { firstByteDelay, refusingFault } from "./faults";
import { invalidRequest, json, nextId } from "./http";
import { intField, isString } from "./json";
import { truncatedResponse } from "./sse";

type Input = string | number[];

/** `input` as a list: a string, strings, a token array, or token arrays. `null` when malformed or empty. */
function inputsOf(input: unknown): Input[] | null {
  if (isString(input)) return [input];
  if (!Array.isArray(input) || input.length === 0) return null;
  const items = input as unknown[];
  if (items.every(isString)) return items;
  if (items.every((t) => typeof t === "number")) return [items];
  if (items.every((t) => Array.isArray(t) && (t as unknown[]).every((n) => typeof n === "number"))) return items as number[][];
  return null;
}

const tokensOf = (input: Input, encoding: Encoding): number => (isString(input) ? countTokens(input, encoding) : input.length);

/** A deterministic unit-ish vector for one input. */
function vector(input: Input, dimensions: number): number[] {
  const text = isString(input) ? input : input.join(",");
  let seed = 2166136261;
  for (let i = 0; i < text.length; i++) seed = Math.imul(seed ^ text.charCodeAt(i), 16777619) >>> 0;
  const out: number[] = [];
  for (let i = 0; i < dimensions; i++) {
    seed = Math.imul(seed ^ (seed >>> 15), 2246822507) >>> 0;
    out.push(Math.fround(((seed % 2001) - 1000) / 32000));
  }
  return out;
}

function base64Floats(values: number[]): string {
  const bytes = new Uint8Array(new Float32Array(values).buffer);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** `POST /v1/embeddings`: usage is the tokens of every input; directives are read from the last string input. */
export async function handleEmbeddings(request: Request, ctx: ExecutionContext): Promise<Response> {
  const accepted = await acceptOpenaiRequest(request, "embedding");
  if (accepted instanceof Response) return accepted;
  const { key, body, model, price } = accepted;
  const inputs = inputsOf(body.input);
  if (inputs === null) return invalidRequest("openai", "'input' must be a string, strings, or token arrays.", "input");
  const dimensions = intField(body, "dimensions") ?? (model.includes("large") ? 3072 : 1536);
  if (!(dimensions >= 1 && dimensions <= 3072)) return invalidRequest("openai", "'dimensions' must be 1..3072.", "dimensions");
  const lastText = inputs.findLast(isString) ?? "";
  const directives = parseDirectives(lastText);
  if ("error" in directives) return invalidRequest("openai", directives.error, "input");
  const refused = await refusingFault("openai", directives, request.signal);
  if (refused !== null) return refused;

  const encoding = price.encoding ?? "cl100k_base";
  const promptTokens = inputs.reduce((sum, input) => sum + tokensOf(input, encoding), 0);
  const usage = { input_tokens: promptTokens, cached_tokens: 0, output_tokens: 0, reasoning_tokens: 0 };
  charge(key, { model, path: "/v1/embeddings", stream: false, fault: directives.fault, ...usage }, price);
  await firstByteDelay(directives, request.signal);
  const base64 = body.encoding_format === "base64";
  const data = inputs.map((input, index) => {
    const values = vector(input, dimensions);
    return { object: "embedding", index, embedding: base64 ? base64Floats(values) : values };
  });
  const reply = { object: "list", data, model, usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } };
  const headers = { "x-request-id": `req_${nextId()}` };
  if (directives.fault === "disconnect") return truncatedResponse(JSON.stringify(reply), ctx, headers);
  return json(reply, 200, headers);
}
