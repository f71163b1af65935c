import { z } from "zod";

const block = z.looseObject({ type: z.string() });
const message = z.looseObject({
  role: z.enum(["user", "assistant"]),
  content: z.union([z.string(), z.array(block)]),
});

/** Anthropic messages request: `max_tokens` is required, as in Anthropic's API. */
export const anthropicMessagesSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(message).min(1),
  max_tokens: z.number().int().positive(),
  system: z.union([z.string(), z.array(block)]).optional(),
  stream: z.boolean().optional(),
  tools: z.array(z.looseObject({})).optional(),
});

export type AnthropicMessagesBody = z.infer<typeof anthropicMessagesSchema>;
