import { env } from "cloudflare:workers";
import { isRefusal } from "../../../src/errors/refusal";
import { createAgent } from "../../../src/services/agents/create-agent";
import { CANARY_MARK } from "../../helpers/canary";
import { controlJson } from "../../helpers/control";
import { mockUrl } from "../../helpers/fixtures";

/** The control API's provider, as tests read it. */
export interface ProviderJson {
  id: string;
  name: string;
  kind: string;
  base_url: string;
  models: string[] | null;
  status: "active" | "disabled";
  key_fingerprint: string;
  key_last4: string;
  usage: { requests: number; spend_usd: string; last_used_at: string | null };
  agents_count: number;
}

/** A fresh canary provider key (watched in every response, log line and audit row). */
export function canaryKey(): string {
  return `sk-${CANARY_MARK}-${crypto.randomUUID()}`;
}

/** Creates an OpenAI provider pointing at the mock, through the API, as `token`. */
export async function postProvider(token: string, key = canaryKey()): Promise<{ provider: ProviderJson; key: string; response: Response }> {
  const { status, body, response } = await controlJson<ProviderJson>("POST", "/providers", {
    token,
    body: { name: `p-${crypto.randomUUID()}`, kind: "openai", base_url: `${mockUrl()}/v1`, api_key: key },
  });
  if (status !== 201) throw new Error(`provider creation: ${status} ${JSON.stringify(body)}`);
  return { provider: body, key, response };
}

/** An agent (with its token) that may use exactly these providers. */
export async function agentUsing(providerIds: string[], options: { ownerId?: string; budgetMicros?: number } = {}): Promise<{ agentId: string; token: string }> {
  const created = await createAgent(env, {
    name: `a-${crypto.randomUUID()}`,
    budgetMicros: options.budgetMicros ?? 1_000_000,
    providerIds,
    ownerId: options.ownerId ?? null,
  });
  if (isRefusal(created)) throw new Error(created.message);
  return { agentId: created.agent.id, token: created.token };
}

/** Every audit row, as text: for checking that a secret never reached the audit log. */
export async function allAuditText(): Promise<string> {
  const rows = await env.DB.prepare("SELECT * FROM audit_log").all();
  return JSON.stringify(rows.results);
}
