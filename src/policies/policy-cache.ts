import { cachedJson, IsolateCache } from "../gateway/isolate-cache";
import { policyDocumentSchema, type PolicyDocument } from "./policy-schema";

/**
 * Policies as the gateway reads them: D1 is the source of truth; KV (`policy:agent:<id>`, `policy:project:<id>`)
 * holds a copy that every change writes at once and readers fill on a miss, with a TTL of POLICY_CACHE_TTL_SECONDS,
 * plus a 5 s memo per isolate. KV writes reach other locations within about 60 s, so a policy change applies
 * everywhere within ~65 s (at once in the location that made it). "No policy" is cached too, so agents without one
 * cost no D1 read. The agent entry also carries the agent's project, so the gateway needs no other lookup.
 */
export const POLICY_CACHE_TTL_SECONDS = 60;

export interface AgentPolicyEntry {
  projectId: string | null;
  policy: PolicyDocument | null;
}
export interface ProjectPolicyEntry {
  policy: PolicyDocument | null;
}

const agentMemo = new IsolateCache<AgentPolicyEntry>();
const projectMemo = new IsolateCache<ProjectPolicyEntry>();
const agentKey = (id: string): string => `policy:agent:${id}`;
const projectKey = (id: string): string => `policy:project:${id}`;

export async function cachedAgentPolicy(env: Env, agentId: string): Promise<AgentPolicyEntry> {
  return (await cachedJson(agentMemo, env.CACHE, agentKey(agentId), POLICY_CACHE_TTL_SECONDS, () => readAgentPolicy(env, agentId))) ?? { projectId: null, policy: null };
}

export async function cachedProjectPolicy(env: Env, projectId: string): Promise<ProjectPolicyEntry> {
  return (await cachedJson(projectMemo, env.CACHE, projectKey(projectId), POLICY_CACHE_TTL_SECONDS, () => readProjectPolicy(env, projectId))) ?? { policy: null };
}

/** After a change in D1 (policy, project assignment): reads the entry afresh and writes it to KV and this isolate's memo. */
export async function publishAgentPolicy(env: Env, agentId: string): Promise<AgentPolicyEntry> {
  const entry = await readAgentPolicy(env, agentId);
  agentMemo.set(agentKey(agentId), entry);
  await env.CACHE.put(agentKey(agentId), JSON.stringify(entry), { expirationTtl: POLICY_CACHE_TTL_SECONDS });
  return entry;
}

export async function publishProjectPolicy(env: Env, projectId: string): Promise<ProjectPolicyEntry> {
  const entry = await readProjectPolicy(env, projectId);
  projectMemo.set(projectKey(projectId), entry);
  await env.CACHE.put(projectKey(projectId), JSON.stringify(entry), { expirationTtl: POLICY_CACHE_TTL_SECONDS });
  return entry;
}

/** The agent's project and its own policy, straight from D1 (an unknown agent has neither). */
export async function readAgentPolicy(env: Env, agentId: string): Promise<AgentPolicyEntry> {
  const row = await env.DB.prepare(
    "SELECT a.project_id, p.document FROM agents a LEFT JOIN policies p ON p.scope = 'agent' AND p.target_id = a.id WHERE a.id = ?",
  )
    .bind(agentId)
    .first<{ project_id: string | null; document: string | null }>();
  return { projectId: row?.project_id ?? null, policy: parseDocument(row?.document ?? null) };
}

export async function readProjectPolicy(env: Env, projectId: string): Promise<ProjectPolicyEntry> {
  const row = await env.DB.prepare("SELECT document FROM policies WHERE scope = 'project' AND target_id = ?").bind(projectId).first<{ document: string }>();
  return { policy: parseDocument(row?.document ?? null) };
}

/** Stored documents were validated on the way in; a row that no longer parses is a bug, and failing beats ignoring it. */
function parseDocument(text: string | null): PolicyDocument | null {
  return text === null ? null : policyDocumentSchema.parse(JSON.parse(text));
}
