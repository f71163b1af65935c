import { gatewayFetch } from "./gateway";

export interface LeaseBody {
  lease_id: string;
  lease_token: string;
  state: string;
  granted_usd: string;
  spent_usd: string;
  remaining_usd: string;
  agent_remaining_usd: string;
  expires_at: string;
  returned_usd?: string;
  duplicate?: boolean;
}

/** Calls one of the budget protocol routes with a bearer key and a JSON body. */
export async function budgetCall(path: "handshake" | "refresh" | "report" | "return", key: string, body: Record<string, unknown> = {}): Promise<{ status: number; body: LeaseBody & { error?: { code: string } } }> {
  const res = await gatewayFetch(`/api/v1/budget/${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json<LeaseBody & { error?: { code: string } }>() };
}

export async function openLease(agentToken: string, requestedUsd: number, ttlSeconds = 900): Promise<LeaseBody> {
  const { status, body } = await budgetCall("handshake", agentToken, { requested_usd: requestedUsd, ttl_seconds: ttlSeconds });
  if (status !== 201) throw new Error(`handshake failed: ${status} ${JSON.stringify(body)}`);
  return body;
}
