import { env } from "cloudflare:workers";
import { afterAll, expect } from "vitest";
import { canaryViolations } from "../helpers/canary";

// Every console line written during the file (the Worker runs in this isolate) is checked for canaries.
for (const level of ["log", "info", "warn", "error", "debug"] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]): void => {
    for (const arg of args) canaryViolations.check(`console.${level}`, typeof arg === "string" ? arg : safeJson(arg));
    original(...args);
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

afterAll(async () => {
  for (const table of ["request_log", "audit_log", "budget_changes"]) {
    const rows = await env.DB.prepare(`SELECT * FROM ${table}`).all();
    canaryViolations.check(`${table} rows`, JSON.stringify(rows.results));
  }
  expect(canaryViolations.violations).toEqual([]);
});
