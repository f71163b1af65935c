import type { CommandSpec } from "./spec.js";

const AGENT_COLUMNS = ["id", "name", "status", "owner_id", "project_id", "budget_usd"];

/** Users, API tokens, agents, providers, projects. */
export const RESOURCE_COMMANDS: readonly CommandSpec[] = [
  { words: ["users", "list"], operationId: "listUsers", columns: ["id", "email", "role", "status", "last_login_at"], examples: ["iron users list --role admin", "iron users list -q"] },
  { words: ["users", "get"], operationId: "getUser", args: ["id"], examples: ["iron users get usr_123"] },
  {
    words: ["users", "create"], operationId: "createUser", secretFields: ["generated_password"],
    secretInputs: [{ field: "password", flag: "password-stdin", prompt: "Password for the new user (empty: generate one): " }],
    examples: ["iron users create --email ana@example.com --role user", "echo \"$PW\" | iron users create --email ana@example.com --password-stdin"],
  },
  { words: ["users", "update"], operationId: "updateUser", args: ["id"], examples: ["iron users update usr_123 --email new@example.com"] },
  { words: ["users", "delete"], operationId: "deleteUser", args: ["id"], examples: ["iron users delete usr_123 --reassign-to usr_456"] },
  { words: ["users", "suspend"], operationId: "suspendUser", args: ["id"], examples: ["iron users suspend usr_123"] },
  { words: ["users", "activate"], operationId: "activateUser", args: ["id"], examples: ["iron users activate usr_123"] },
  { words: ["users", "role"], operationId: "changeUserRole", args: ["id", "role"], examples: ["iron users role usr_123 viewer"] },
  {
    words: ["users", "reset-password"], operationId: "resetUserPassword", args: ["id"], secretFields: ["generated_password"],
    secretInputs: [{ field: "password", flag: "password-stdin", prompt: "New password (empty: generate one): " }],
    examples: ["iron users reset-password usr_123"],
  },

  { words: ["tokens", "list"], operationId: "listApiTokens", columns: ["id", "name", "role", "user_id", "expires_at", "last_used_at", "revoked_at"], examples: ["iron tokens list"] },
  { words: ["tokens", "create"], operationId: "createApiToken", secretFields: ["token"], aliases: { expires: "expires_in_days" }, examples: ["iron tokens create --name ci --role viewer --expires 30"] },
  { words: ["tokens", "revoke"], operationId: "revokeApiToken", args: ["id"], examples: ["iron tokens revoke tok_123"] },
  {
    words: ["tokens", "validate"], operationId: "validateToken",
    secretInputs: [{ field: "token", flag: "token-stdin", prompt: "Token to validate: " }],
    examples: ["echo \"$TOKEN\" | iron tokens validate --token-stdin"],
  },

  { words: ["agents", "list"], operationId: "listAgents", columns: AGENT_COLUMNS, aliases: { owner: "owner_id", project: "project_id" }, examples: ["iron agents list --status active", "iron agents list -o json"] },
  { words: ["agents", "get"], operationId: "getAgent", args: ["id"], examples: ["iron agents get agt_123"] },
  { words: ["agents", "leases"], operationId: "listAgentLeases", args: ["id"], columns: ["id", "parent_id", "granted_usd", "spent_usd", "remaining_usd", "expires_at"], examples: ["iron agents leases agt_123", "iron agents leases agt_123 -o json"] },
  {
    words: ["agents", "create"], operationId: "createAgent", secretFields: ["token"],
    aliases: { budget: "budget_usd", owner: "owner_id", project: "project_id", providers: "provider_ids", models: "allowed_models" },
    examples: ["iron agents create --name research-bot --budget 25", "iron agents create --name bot --providers prov_1,prov_2 --models gpt-4o-mini"],
  },
  { words: ["agents", "update"], operationId: "updateAgent", args: ["id"], aliases: { providers: "provider_ids", models: "allowed_models", owner: "owner_id" }, examples: ["iron agents update agt_123 --name renamed"] },
  { words: ["agents", "delete"], operationId: "deleteAgent", args: ["id"], examples: ["iron agents delete agt_123"] },
  { words: ["agents", "suspend"], operationId: "suspendAgent", args: ["id"], examples: ["iron agents suspend agt_123"] },
  { words: ["agents", "activate"], operationId: "activateAgent", args: ["id"], examples: ["iron agents activate agt_123"] },
  { words: ["agents", "token", "regenerate"], operationId: "regenerateAgentToken", args: ["id"], secretFields: ["token"], examples: ["iron agents token regenerate agt_123"] },
  { words: ["agents", "token", "revoke"], operationId: "revokeAgentToken", args: ["id"], examples: ["iron agents token revoke agt_123"] },

  { words: ["providers", "list"], operationId: "listProviders", columns: ["id", "name", "kind", "status", "base_url", "key_last4", "agents_count"], examples: ["iron providers list"] },
  { words: ["providers", "get"], operationId: "getProvider", args: ["id"], examples: ["iron providers get prov_123"] },
  {
    words: ["providers", "add"], operationId: "createProvider",
    secretInputs: [{ field: "api_key", flag: "key-stdin", prompt: "Provider API key: " }],
    examples: ["echo \"$OPENAI_API_KEY\" | iron providers add --name openai --kind openai --key-stdin", "iron providers add --name local --kind openai_compatible --base-url https://llm.example.com/v1   # prompts for the key"],
  },
  { words: ["providers", "update"], operationId: "updateProvider", args: ["id"], examples: ["iron providers update prov_123 --models gpt-4o,gpt-4o-mini"] },
  { words: ["providers", "delete"], operationId: "deleteProvider", args: ["id"], examples: ["iron providers delete prov_123 --force"] },
  {
    words: ["providers", "rotate-key"], operationId: "rotateProviderKey", args: ["id"],
    secretInputs: [{ field: "api_key", flag: "key-stdin", prompt: "New provider API key: " }],
    examples: ["echo \"$NEW_KEY\" | iron providers rotate-key prov_123 --key-stdin"],
  },
  { words: ["providers", "disable"], operationId: "disableProvider", args: ["id"], examples: ["iron providers disable prov_123"] },
  { words: ["providers", "enable"], operationId: "enableProvider", args: ["id"], examples: ["iron providers enable prov_123"] },

  { words: ["projects", "list"], operationId: "listProjects", columns: ["id", "name", "budget_usd", "description"], examples: ["iron projects list"] },
  { words: ["projects", "get"], operationId: "getProject", args: ["id"], examples: ["iron projects get prj_123"] },
  { words: ["projects", "create"], operationId: "createProject", aliases: { budget: "budget_usd" }, examples: ["iron projects create --name research --budget 100"] },
  { words: ["projects", "update"], operationId: "updateProject", args: ["id"], examples: ["iron projects update prj_123 --description 'Q3 research'"] },
  { words: ["projects", "agents", "add"], operationId: "assignProjectAgent", args: ["id", "agent_id"], examples: ["iron projects agents add prj_123 agt_456"] },
  { words: ["projects", "agents", "remove"], operationId: "unassignProjectAgent", args: ["id", "agent_id"], examples: ["iron projects agents remove prj_123 agt_456"] },
];
