/**
 * Hosts a provider's base URL may point at without configuration: the two native vendors and well-known
 * OpenAI-compatible services. A `*.` entry matches any subdomain (one Azure OpenAI resource per customer).
 * Operators add their own (a self-hosted vLLM, a regional endpoint) with IRON_PROVIDER_HOSTS, comma-separated.
 */
export const KNOWN_PROVIDER_HOSTS: readonly string[] = [
  "api.openai.com",
  "api.anthropic.com",
  "*.openai.azure.com",
  "api.groq.com",
  "api.together.xyz",
  "api.fireworks.ai",
  "api.mistral.ai",
  "api.deepseek.com",
  "openrouter.ai",
  "api.perplexity.ai",
  "api.x.ai",
  "api.deepinfra.com",
  "api.cerebras.ai",
  "generativelanguage.googleapis.com",
  "api.cohere.ai",
  "integrate.api.nvidia.com",
];

/** The built-in hosts plus IRON_PROVIDER_HOSTS (comma- or space-separated, case-insensitive). */
export function allowedProviderHosts(extra: string | undefined): string[] {
  const configured = (extra ?? "").split(/[\s,]+/).map((host) => host.trim().toLowerCase()).filter((host) => host !== "");
  return [...KNOWN_PROVIDER_HOSTS, ...configured];
}

export function hostAllowed(hostname: string, allowed: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return allowed.some((entry) => (entry.startsWith("*.") ? host.endsWith(entry.slice(1)) && host.length > entry.length - 1 : host === entry));
}
