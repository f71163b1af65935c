import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Drizzle mirror of d1-migrations/ (the SQL files are the source of truth for the database). */
export const providers = sqliteTable("providers", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  kind: text("kind", { enum: ["openai", "anthropic", "openai_compatible"] }).notNull(),
  baseUrl: text("base_url").notNull(),
  models: text("models", { mode: "json" }).$type<string[] | null>(),
  keyCiphertext: text("key_ciphertext").notNull(),
  keyIv: text("key_iv").notNull(),
  keyWrapped: text("key_wrapped").notNull(),
  keyWrapIv: text("key_wrap_iv").notNull(),
  keyVersion: integer("key_version").notNull(),
  keyFingerprint: text("key_fingerprint").notNull(),
  keyLast4: text("key_last4").notNull(),
  status: text("status", { enum: ["active", "disabled"] }).notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const agents = sqliteTable("agents", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  ownerId: text("owner_id"),
  projectId: text("project_id"),
  status: text("status", { enum: ["active", "suspended", "deleted"] }).notNull(),
  budgetMicros: integer("budget_micros").notNull(),
  providerIds: text("provider_ids", { mode: "json" }).$type<string[]>().notNull(),
  allowedModels: text("allowed_models", { mode: "json" }).$type<string[] | null>(),
  rpmLimit: integer("rpm_limit"),
  tpmLimit: integer("tpm_limit"),
  concurrencyLimit: integer("concurrency_limit"),
  disconnectPolicy: text("disconnect_policy", { enum: ["drain", "bill_reservation"] }).notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const agentTokens = sqliteTable("agent_tokens", {
  id: text("id").primaryKey(),
  agentId: text("agent_id").notNull(),
  tokenHash: text("token_hash").notNull(),
  label: text("label").notNull(),
  createdAt: text("created_at").notNull(),
  revokedAt: text("revoked_at"),
});

export const requestLog = sqliteTable("request_log", {
  id: text("id").primaryKey(),
  agentId: text("agent_id"),
  leaseId: text("lease_id"),
  providerId: text("provider_id"),
  model: text("model"),
  apiShape: text("api_shape").notNull(),
  endpoint: text("endpoint").notNull(),
  stream: integer("stream", { mode: "boolean" }).notNull(),
  status: integer("status").notNull(),
  outcome: text("outcome").notNull(),
  errorCode: text("error_code"),
  inputTokens: integer("input_tokens").notNull(),
  cachedInputTokens: integer("cached_input_tokens").notNull(),
  cacheWriteTokens: integer("cache_write_tokens").notNull(),
  outputTokens: integer("output_tokens").notNull(),
  reasoningTokens: integer("reasoning_tokens").notNull(),
  reservedMicros: integer("reserved_micros").notNull(),
  costMicros: integer("cost_micros").notNull(),
  usageSource: text("usage_source"),
  maxTokens: integer("max_tokens"),
  latencyMs: integer("latency_ms").notNull(),
  ttfbMs: integer("ttfb_ms"),
  priceVersion: text("price_version"),
  createdAt: text("created_at").notNull(),
  /** JSON array of safety findings (category, detector, label, direction, source, action, fingerprint), 0010. */
  safety: text("safety"),
  /** JSON array of audit tags from `x-iron-tags`, 0011. */
  tags: text("tags"),
});

export type ProviderRow = typeof providers.$inferSelect;
export type AgentRow = typeof agents.$inferSelect;
export const budgetEvents = sqliteTable("budget_events", {
  id: text("id").primaryKey(),
  agentId: text("agent_id").notNull(),
  poolId: text("pool_id").notNull(),
  kind: text("kind").notNull(),
  amountMicros: integer("amount_micros").notNull(),
  at: text("at").notNull(),
  detail: text("detail"),
});

export const projects = sqliteTable("projects", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  budgetMicros: integer("budget_micros").notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
  /** d1-migrations/0008_policies.sql */
  description: text("description"),
});

export type ProjectRow = typeof projects.$inferSelect;

/** A policy per agent or per project (d1-migrations/0008_policies.sql); `document` is a `PolicyDocument` (src/policies/). */
export const policies = sqliteTable("policies", {
  id: text("id").primaryKey(),
  scope: text("scope", { enum: ["agent", "project"] }).notNull(),
  targetId: text("target_id").notNull(),
  document: text("document", { mode: "json" }).$type<unknown>().notNull(),
  updatedBy: text("updated_by"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export type PolicyRow = typeof policies.$inferSelect;
