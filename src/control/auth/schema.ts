import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Drizzle mirror of d1-migrations/0004_accounts.sql (the SQL file is the source of truth). */
export const ROLES = ["admin", "user", "viewer"] as const;
export type Role = (typeof ROLES)[number];
export type UserStatus = "active" | "suspended" | "deleted";

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  status: text("status", { enum: ["active", "suspended", "deleted"] }).notNull(),
  sessionVersion: integer("session_version").notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
  lastLoginAt: text("last_login_at"),
});

export const sessions = sqliteTable("sessions", {
  id: text("id").primaryKey(),
  userId: text("user_id").notNull(),
  familyId: text("family_id").notNull(),
  parentId: text("parent_id"),
  refreshHash: text("refresh_hash").notNull(),
  sessionVersion: integer("session_version").notNull(),
  createdAt: text("created_at").notNull(),
  expiresAt: text("expires_at").notNull(),
  revokedAt: text("revoked_at"),
  revokedReason: text("revoked_reason"),
  userAgent: text("user_agent"),
  ip: text("ip"),
});

export const apiTokens = sqliteTable("api_tokens", {
  id: text("id").primaryKey(),
  userId: text("user_id").notNull(),
  tokenHash: text("token_hash").notNull(),
  label: text("label").notNull(),
  name: text("name").notNull(),
  role: text("role", { enum: ROLES }),
  createdAt: text("created_at").notNull(),
  lastUsedAt: text("last_used_at"),
  expiresAt: text("expires_at"),
  revokedAt: text("revoked_at"),
});

export const loginAttempts = sqliteTable("login_attempts", {
  key: text("key").primaryKey(),
  windowStart: text("window_start").notNull(),
  count: integer("count").notNull(),
});

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
