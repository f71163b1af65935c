/** The live (not deleted) agents whose `provider_ids` include a provider, oldest first. */
export async function providerDependents(env: Env, providerId: string): Promise<{ id: string; name: string }[]> {
  const rows = await env.DB.prepare(
    `SELECT id, name FROM agents WHERE status != 'deleted' AND EXISTS (SELECT 1 FROM json_each(agents.provider_ids) WHERE value = ?)
     ORDER BY created_at, id`,
  )
    .bind(providerId)
    .all<{ id: string; name: string }>();
  return rows.results;
}
