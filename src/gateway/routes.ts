import { Hono } from "hono";
import { errorResponse } from "../errors/render";
import { refuse } from "../errors/refusal";
import { agentCall } from "./agent-call";
import { listModels } from "./list-models";
import { anthropicMessagesSchema } from "./schemas/anthropic-messages";
import { openaiChatSchema } from "./schemas/openai-chat";
import { openaiEmbeddingsSchema } from "./schemas/openai-embeddings";
import { newId } from "../db/ids";

/** Agent-facing routes, OpenAI- and Anthropic-compatible. Mounted at `/v1`. */
export const gatewayRoutes = new Hono<{ Bindings: Env }>()
  .post("/chat/completions", (c) => agentCall(c, "openai", "chat", openaiChatSchema))
  .post("/messages", (c) => agentCall(c, "anthropic", "chat", anthropicMessagesSchema))
  .post("/embeddings", (c) => agentCall(c, "openai", "embeddings", openaiEmbeddingsSchema))
  .get("/models", (c) => listModels(c))
  .all("*", (c) => {
    const shape = c.req.header("anthropic-version") !== undefined ? "anthropic" : "openai";
    return errorResponse(shape, refuse("not_found", `No route ${c.req.method} ${new URL(c.req.url).pathname} on this gateway.`), newId("req"));
  });
