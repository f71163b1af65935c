import { describe, expect, it } from "vitest";
import { countTokens } from "../../src/tokenizer/count-tokens";
import { bill, MOCK, newKey, openai } from "./helpers";

interface Embeddings {
  object: string;
  data: { object: string; index: number; embedding: number[] | string }[];
  usage: { prompt_tokens: number; total_tokens: number };
}

describe("OpenAI embeddings and models", () => {
  it("counts every input with the model's encoding (cl100k) and bills input only", async () => {
    const key = newKey();
    const inputs = ["The quick brown fox.", "Ünïcödé text, 日本語"];
    const res = await openai(key, "/v1/embeddings", { model: "text-embedding-3-small", input: inputs });
    expect(res.status).toBe(200);
    const body = await res.json<Embeddings>();
    const tokens = countTokens(inputs[0] ?? "", "cl100k_base") + countTokens(inputs[1] ?? "", "cl100k_base");
    expect(body.usage).toEqual({ prompt_tokens: tokens, total_tokens: tokens });
    expect(body.data.map((d) => d.index)).toEqual([0, 1]);
    expect(body.data[0]?.embedding).toHaveLength(1536);
    // text-embedding-3-small: $0.02 per 1M tokens.
    expect(await bill(key)).toMatchObject({ requests: 1, input_tokens: tokens, output_tokens: 0, cost_micros: Math.ceil((tokens * 20_000) / 1_000_000) });
  });

  it("returns base64 float32 vectors when asked (the openai SDK default) with the requested dimensions", async () => {
    const res = await openai(newKey(), "/v1/embeddings", { model: "text-embedding-3-large", input: "hello", encoding_format: "base64", dimensions: 8 });
    const body = await res.json<Embeddings>();
    const b64 = body.data[0]?.embedding;
    expect(typeof b64).toBe("string");
    const bytes = Uint8Array.from(atob(String(b64)), (c) => c.charCodeAt(0));
    expect(bytes.length).toBe(8 * 4);
    const floats = new Float32Array(bytes.buffer);
    expect(floats.every((f) => Number.isFinite(f) && Math.abs(f) < 1)).toBe(true);
  });

  it("refuses chat models and unknown models on /v1/embeddings, and lists only OpenAI models", async () => {
    expect((await openai(newKey(), "/v1/embeddings", { model: "gpt-4o", input: "x" })).status).toBe(404);
    expect((await openai(null, "/v1/embeddings", { model: "text-embedding-3-small", input: "x" })).status).toBe(401);
    const models = await (await fetch(`${MOCK}/v1/models`, { headers: { authorization: `Bearer ${newKey()}` } })).json<{ data: { id: string }[] }>();
    const ids = models.data.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(["gpt-4o", "gpt-4o-mini", "text-embedding-3-small"]) as unknown);
    expect(ids.some((id) => id.startsWith("claude"))).toBe(false);
    expect((await fetch(`${MOCK}/v1/models`)).status).toBe(401);
  });
});
