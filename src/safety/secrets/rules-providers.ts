import type { SecretRule } from "./rule";

/** Left/right boundaries: a key must not be glued to other alphanumerics (`xsk-…` is not an OpenAI key). */
const L = "(?<![A-Za-z0-9])";
const R = "(?![A-Za-z0-9])";
const re = (body: string, flags = "g"): RegExp => new RegExp(L + body + R, flags);

/** AI, cloud and source-hosting providers whose keys carry a fixed prefix (after gitleaks' rule set). */
export const providerRules: readonly SecretRule[] = [
  // OpenAI keys embed the base64 of "OpenAI" (T3BlbkFJ) — near-certain; project / service keys without it score lower.
  { name: "openai_key", label: "OPENAI_KEY", keywords: ["t3blbkfj"], confidence: 1,
    pattern: re("(sk-(?:(?:proj|svcacct|service|admin|None)-)?[A-Za-z0-9_-]{12,}T3BlbkFJ[A-Za-z0-9_-]{12,})") },
  { name: "openai_key", label: "OPENAI_KEY", keywords: ["sk-proj-", "sk-svcacct-", "sk-admin-", "sk-service-"], confidence: 0.9, at: [0],
    pattern: re("(sk-(?:proj|svcacct|admin|service)-(?![A-Za-z0-9_-]*T3BlbkFJ)[A-Za-z0-9_-]{40,})") },
  // Other model APIs: OpenRouter, Groq, xAI, Replicate, LangSmith, Perplexity (saas rules).
  { name: "ai_provider_key", label: "AI_KEY", keywords: ["sk-or-v1-", "gsk_", "xai-", "r8_", "lsv2_"], confidence: 0.9, at: [0],
    check: mixed,
    pattern: re("(sk-or-v1-[a-f0-9]{64}|gsk_[A-Za-z0-9]{52}|xai-[A-Za-z0-9]{80}|r8_[A-Za-z0-9]{37}|lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})") },
  { name: "anthropic_key", label: "ANTHROPIC_KEY", keywords: ["sk-ant-"], confidence: 1, at: [0],
    pattern: re("(sk-ant-(?:api|admin|sid|oat)\\d{2}-[A-Za-z0-9_-]{80,120}AA)") },
  { name: "anthropic_key", label: "ANTHROPIC_KEY", keywords: ["sk-ant-"], confidence: 0.8, at: [0],
    pattern: re("(sk-ant-(?:api|admin|sid|oat)\\d{2}-[A-Za-z0-9_-]{30,79}(?:[A-Za-z0-9_-]{42,}[A-Z0-9_-]{2})?)") },
  { name: "aws_access_key", label: "AWS_KEY", keywords: ["akia", "asia", "abia", "acca", "a3t"], confidence: 0.95, at: [0],
    pattern: re("((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})") },
  { name: "aws_bedrock_key", label: "AWS_KEY", keywords: ["absk", "bedrock-api-key-"], confidence: 0.95, at: [0],
    pattern: re("(ABSK[A-Za-z0-9+/]{109,269}={0,2}|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=%&?._-]*)") },
  { name: "gcp_api_key", label: "GCP_KEY", keywords: ["aiza"], confidence: 0.95, at: [0], pattern: re("(AIza[\\w-]{35})") },
  // Google OAuth client secrets and access tokens.
  { name: "gcp_oauth", label: "GCP_KEY", keywords: ["gocspx-", "ya29."], confidence: 0.9, at: [0], check: mixed,
    pattern: re("(GOCSPX-[A-Za-z0-9_-]{28}|ya29\\.[0-9A-Za-z_-]{30,})") },
  { name: "gcp_service_account", label: "GCP_KEY", keywords: ["private_key"], confidence: 1, at: [1],
    pattern: /"private_key"\s*:\s*"(-----BEGIN[A-Z ]*PRIVATE KEY-----[^"]{20,})"/g },
  { name: "azure_storage_key", label: "AZURE_KEY", keywords: ["accountkey"], confidence: 0.95, at: [0],
    pattern: /AccountKey=([A-Za-z0-9+/]{86}==)/gi },
  { name: "azure_ad_client_secret", label: "AZURE_KEY", keywords: ["q~"], confidence: 0.9, at: [4],
    pattern: re("([a-zA-Z0-9_~.]{3}\\dQ~[a-zA-Z0-9_~.-]{31,34})") },
  { name: "github_pat", label: "GITHUB_TOKEN", keywords: ["github_pat_"], confidence: 1, at: [0],
    pattern: re("(github_pat_[A-Za-z0-9_]{82})") },
  { name: "huggingface_token", label: "HF_TOKEN", keywords: ["hf_", "api_org_"], confidence: 0.9, at: [0],
    pattern: re("((?:hf_|api_org_)[A-Za-z]{34})") },
  { name: "npm_token", label: "NPM_TOKEN", keywords: ["npm_"], confidence: 0.95, at: [0], pattern: re("(npm_[A-Za-z0-9]{36})") },
  // An npm registry auth token of the older UUID form, only inside an .npmrc `_authToken=` line.
  { name: "npm_token", label: "NPM_TOKEN", keywords: ["_authtoken"], confidence: 0.9, at: [1],
    pattern: /:_authToken=\s*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi },
  { name: "pypi_token", label: "PYPI_TOKEN", keywords: ["pypi-age"], confidence: 1, at: [0],
    pattern: /(pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,})/g },
  { name: "digitalocean_token", label: "DIGITALOCEAN_TOKEN", keywords: ["dop_v1_", "doo_v1_", "dor_v1_"], confidence: 1, at: [0],
    pattern: re("(do[opr]_v1_[a-f0-9]{64})") },
  { name: "alibaba_key", label: "ALIBABA_KEY", keywords: ["ltai"], confidence: 0.9, at: [0], pattern: re("(LTAI[A-Za-z0-9]{20})") },
  { name: "cloudflare_origin_ca", label: "CLOUDFLARE_KEY", keywords: ["v1.0-"], confidence: 0.9, at: [0],
    pattern: re("(v1\\.0-[a-f0-9]{24}-[a-f0-9]{146})") },
  { name: "databricks_token", label: "DATABRICKS_TOKEN", keywords: ["dapi"], confidence: 0.9, at: [0],
    pattern: re("(dapi[a-f0-9]{32}(?:-\\d)?)") },
  { name: "vault_token", label: "VAULT_TOKEN", keywords: ["hvs.", "hvb."], confidence: 0.9, at: [0],
    pattern: re("(hvs\\.[\\w-]{90,120}|hvb\\.[\\w-]{138,300})") },
  { name: "vault_token", label: "VAULT_TOKEN", keywords: ["s."], confidence: 0.7, at: [0],
    // Legacy Vault tokens are short; require digits and both cases so `s.` followed by a word is not taken.
    check: (t) => (/\d/.test(t) && /[a-z]/.test(t) && /[A-Z]/.test(t) ? 0.7 : undefined),
    pattern: /(?<![\w.])(s\.[A-Za-z0-9]{24})(?![\w.])/g },
  { name: "age_secret_key", label: "AGE_KEY", keywords: ["age-secret-key-1"], confidence: 1, at: [0],
    pattern: /(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})/g },
];

/** Random key material has digits or mixed case; `ya29.access_token_goes_here` does not. */
function mixed(t: string): number | undefined {
  return /\d/.test(t) || (/[a-z]/.test(t) && /[A-Z]/.test(t)) ? 0.9 : undefined;
}
