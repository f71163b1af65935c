import type { ProviderRow } from "../../db/schema";

/** What any API may show of a provider: never the key, only its fingerprint and last 4 characters. */
export interface ProviderView {
  id: string;
  name: string;
  kind: ProviderRow["kind"];
  base_url: string;
  models: string[] | null;
  status: ProviderRow["status"];
  key_fingerprint: string;
  key_last4: string;
  created_at: string;
  updated_at: string;
}

export function providerView(row: ProviderRow): ProviderView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    base_url: row.baseUrl,
    models: row.models,
    status: row.status,
    key_fingerprint: row.keyFingerprint,
    key_last4: row.keyLast4,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}
