/** What the policy routes need of an agent: who owns it (object-level access), its project and its own allow-list. */
export interface PolicyAgent {
  id: string;
  ownerId: string | null;
  projectId: string | null;
  allowedModels: string[] | null;
}

/** The agent (not deleted) from D1, or null. */
export async function findPolicyAgent(env: Env, agentId: string): Promise<PolicyAgent | null> {
  const row = await env.DB.prepare("SELECT id, owner_id, project_id, allowed_models FROM agents WHERE id = ? AND status != 'deleted'")
    .bind(agentId)
    .first<{ id: string; owner_id: string | null; project_id: string | null; allowed_models: string | null }>();
  if (row === null) return null;
  return { id: row.id, ownerId: row.owner_id, projectId: row.project_id, allowedModels: row.allowed_models === null ? null : (JSON.parse(row.allowed_models) as string[]) };
}

export async function projectExists(env: Env, projectId: string): Promise<boolean> {
  return (await env.DB.prepare("SELECT 1 AS one FROM projects WHERE id = ?").bind(projectId).first()) !== null;
}
