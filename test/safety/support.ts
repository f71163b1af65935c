import { env } from "cloudflare:workers";
import { controlFetch, makePerson, type Person } from "../helpers/control";

/** A fake AWS-style access key id, assembled at run time from random parts (never a key-shaped literal). */
export function fakeAwsKey(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return "AK" + "IA" + [...bytes].map((b) => alphabet[b % alphabet.length] ?? "Q").join("");
}

export interface LoggedFinding {
  category: string;
  detector: string;
  label: string;
  direction: string;
  source: string;
  action: string;
  fingerprint: string;
}

export interface SafetyRow {
  id: string;
  status: number;
  outcome: string;
  error_code: string | null;
  cost_micros: number;
  safety: string | null;
}

/** The request_log row of a request (written off the response path, so polled). */
export async function logRow(requestId: string): Promise<SafetyRow> {
  for (let i = 0; i < 150; i++) {
    const row = await env.DB.prepare("SELECT id, status, outcome, error_code, cost_micros, safety FROM request_log WHERE id = ?").bind(requestId).first<SafetyRow>();
    if (row !== null) return row;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no request_log row for ${requestId}`);
}

export function findingsOf(row: SafetyRow): LoggedFinding[] {
  return row.safety === null ? [] : (JSON.parse(row.safety) as LoggedFinding[]);
}

/** First 16 hex characters of SHA-256, as the audit stores it. */
export async function sha16(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

let admin: Person | null = null;

/** Sets an agent's policy through the control API (as an admin); it applies at once in this isolate. */
export async function setAgentPolicy(agentId: string, policy: unknown): Promise<void> {
  admin ??= await makePerson("admin");
  const response = await controlFetch("PUT", `/policies/agents/${agentId}`, { token: admin.token, body: policy });
  if (response.status !== 200) throw new Error(`policy PUT: ${response.status} ${await response.text()}`);
}
