/**
 * Mock LLM provider: a Worker that answers like OpenAI and Anthropic, deterministically, and keeps
 * the ground-truth bill per API key. See mock-provider/README.md for the HTTP contract.
 */
import { handleAdmin } from "./admin";
import { handleOpenaiChat } from "./chat-openai";
import { handleEmbeddings } from "./embeddings";
import { openaiError } from "./http";
import { handleAnthropicMessages } from "./messages-anthropic";
import { handleModels } from "./models";

async function route(request: Request, ctx: ExecutionContext): Promise<Response> {
  const path = new URL(request.url).pathname;
  const method = request.method;
  if (method === "POST" && path === "/v1/chat/completions") return handleOpenaiChat(request, ctx);
  if (method === "POST" && path === "/v1/messages") return handleAnthropicMessages(request, ctx);
  if (method === "POST" && path === "/v1/embeddings") return handleEmbeddings(request, ctx);
  if (method === "GET" && path === "/v1/models") return handleModels(request);
  const admin = handleAdmin(request, path);
  if (admin !== null) return admin;
  return openaiError(404, `Invalid URL (${method} ${path})`, "invalid_request_error");
}

export default {
  async fetch(request: Request, _env: unknown, ctx: ExecutionContext): Promise<Response> {
    try {
      return await route(request, ctx);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return openaiError(500, `mock-provider: ${message}`, "server_error");
    }
  },
} satisfies ExportedHandler;
