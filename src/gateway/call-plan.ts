import type { ApiShape } from "../providers/types";
import type { AuditFinding, CategoryActions } from "../safety/pipeline/types";
import type { RedactionSession } from "../safety/redact/session";
import type { SafetyCategory } from "../safety/types";
import type { Caller } from "./authenticate";
import type { Route } from "./route-model";

/** Everything known about one agent call once it is authenticated, validated and routed. */
export interface CallPlan {
  requestId: string;
  /** Audit tags from `x-iron-tags` (request-tags.ts). */
  tags: readonly string[];
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
  safety: PlanSafety;
}

/** The safety firewall's state for one call: what the input scan found, and what applies to the output. */
export interface PlanSafety {
  /** The output actions of the agent's effective policy (used by respond-json and respond-stream). */
  output: CategoryActions;
  /** Input findings (fingerprints only), for the audit record. */
  findings: readonly AuditFinding[];
  /** Input categories whose action is `warn` and that were found: the `x-iron-safety-warnings` header. */
  warn: readonly SafetyCategory[];
  /**
   * The request's placeholder allocator, shared by the input scan and the output (JSON or stream), so a value gets
   * the same `[LABEL_n]` wherever it appears in one request and a new value never reuses an input's number.
   */
  session: RedactionSession;
}

/** A granted reservation (from the agent's budget object). */
export type { Grant } from "../../durable-objects/budget/types";
