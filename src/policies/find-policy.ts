import { policyDocumentSchema, type PolicyDocument } from "./policy-schema";

export type PolicyScope = "agent" | "project";

/** A stored policy as the control API shows it (snake_case); `policy: null` = nothing set at this level. */
export interface PolicyResource {
  id: string | null;
  target_type: PolicyScope;
  target_id: string;
  policy: PolicyDocument | null;
  updated_by: string | null;
  created_at: string | null;
  updated_at: string | null;
}

/** The policy stored for an agent or a project, straight from D1 (the control API never reads it from the cache). */
export async function findPolicy(env: Env, scope: PolicyScope, targetId: string): Promise<PolicyResource> {
  const row = await env.DB.prepare("SELECT id, document, updated_by, created_at, updated_at FROM policies WHERE scope = ? AND target_id = ?")
    .bind(scope, targetId)
    .first<{ id: string; document: string; updated_by: string | null; created_at: string; updated_at: string }>();
  if (row === null) return { id: null, target_type: scope, target_id: targetId, policy: null, updated_by: null, created_at: null, updated_at: null };
  return {
    id: row.id,
    target_type: scope,
    target_id: targetId,
    policy: policyDocumentSchema.parse(JSON.parse(row.document)),
    updated_by: row.updated_by,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
