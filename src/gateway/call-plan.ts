import type { ApiShape } from "../providers/types";
import type { Caller } from "./authenticate";
import type { Route } from "./route-model";

/** Everything known about one agent call once it is authenticated, validated and routed. */
export interface CallPlan {
  requestId: string;
  startedAt: number;
  shape: ApiShape;
  endpoint: "chat" | "embeddings";
  body: Readonly<Record<string, unknown>>;
  stream: boolean;
  agentWantsStreamUsage: boolean;
  caller: Caller;
  route: Route;
  /** Upper bound of the prompt in tokens and micro-dollars. */
  promptTokens: number;
  inputMicros: number;
  /** Completions requested per call (OpenAI `n`); multiplies the completion bound. */
  choices: number;
  requestedMaxTokens: number | null;
}

/** A granted reservation (from the agent's budget object). */
export type { Grant } from "../../durable-objects/budget/types";
