/**
 * Whose usage a query covers: everything (admins, viewers), one owner's agents (users), narrowed to one agent or
 * one project. The SQL fragments are constants; only values are bound.
 */
export interface Scope {
  /** Only agents of this owner (`agents.owner_id`); null = every agent, and unattributed requests too. */
  readonly ownerId: string | null;
  readonly agentId: string | null;
  readonly projectId: string | null;
}

export interface SqlPart {
  readonly sql: string;
  readonly params: readonly (string | number)[];
}

/** Conditions on `agentColumn` (an agent id column of the rollup or agents table), joined with AND; "1" when none. */
export function scopeCondition(scope: Scope, agentColumn: "r.agent_id" | "a.id"): SqlPart {
  const parts: string[] = [];
  const params: string[] = [];
  if (scope.ownerId !== null) {
    parts.push(`${agentColumn} IN (SELECT id FROM agents WHERE owner_id = ?)`);
    params.push(scope.ownerId);
  }
  if (scope.agentId !== null) {
    parts.push(`${agentColumn} = ?`);
    params.push(scope.agentId);
  }
  if (scope.projectId !== null) {
    parts.push(`${agentColumn} IN (SELECT id FROM agents WHERE project_id = ?)`);
    params.push(scope.projectId);
  }
  return { sql: parts.length === 0 ? "1" : parts.join(" AND "), params };
}
