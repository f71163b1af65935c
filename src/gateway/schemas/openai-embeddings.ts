import { z } from "zod";

const tokens = z.array(z.number().int().nonnegative());

export const openaiEmbeddingsSchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.string()).min(1), tokens.min(1), z.array(tokens).min(1)]),
});

export type OpenAIEmbeddingsBody = z.infer<typeof openaiEmbeddingsSchema>;
