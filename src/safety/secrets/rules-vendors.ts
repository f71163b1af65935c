import { entropy } from "./guards";
import type { SecretRule } from "./rule";

const L = "(?<![A-Za-z0-9])";
const R = "(?![A-Za-z0-9])";
const re = (body: string, flags = "g"): RegExp => new RegExp(L + body + R, flags);
/** Key material: a digit or mixed case, and not a low-entropy run (`sk-aaaa…`, `ATBBxxxx…`). */
const random = (min: number) => (t: string): number | undefined =>
  (/\d/.test(t) || (/[a-z]/.test(t) && /[A-Z]/.test(t))) && entropy(t) >= min ? 0.9 : undefined;

/** More vendor families with a fixed prefix or an unmistakable shape (after gitleaks' rule set and vendor docs). */
export const vendorRules: readonly SecretRule[] = [
  { name: "airtable_token", label: "AIRTABLE_TOKEN", keywords: ["pat"], confidence: 0.95, at: [0],
    pattern: re("(pat[A-Za-z0-9]{14}\\.[a-f0-9]{64})") },
  { name: "harness_token", label: "HARNESS_TOKEN", keywords: ["pat.", "sat."], confidence: 0.95, at: [0],
    pattern: re("((?:pat|sat)\\.[\\w-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20})") },
  { name: "mapbox_token", label: "MAPBOX_TOKEN", keywords: ["pk.", "sk.", "tk."], confidence: 0.9, at: [0], check: random(3.5),
    pattern: re("([pst]k\\.[A-Za-z0-9_-]{60,300}\\.[A-Za-z0-9_-]{22})") },
  { name: "intra42_secret", label: "INTRA42_SECRET", keywords: ["s-s4t2"], confidence: 0.95, at: [0],
    pattern: re("(s-s4t2(?:ud|af)-[a-f0-9]{64})", "gi") },
  { name: "dropbox_token", label: "DROPBOX_TOKEN", keywords: ["sl.", "aaaaaaaaaa"], confidence: 0.9, at: [0, 11], check: random(3.5),
    pattern: re("(sl\\.[A-Za-z0-9_=-]{130,300}|[a-z0-9]{11}AAAAAAAAAA[a-z0-9_=-]{43})", "gi") },
  { name: "doppler_token", label: "DOPPLER_TOKEN", keywords: ["dp.pt.", "dp.st.", "dp.ct.", "dp.sa.", "dp.scim.", "dp.audit."], confidence: 1, at: [0],
    pattern: re("(dp\\.(?:pt|st|ct|sa|scim|audit)\\.(?:[a-z0-9_-]{1,40}\\.)?[a-z0-9]{40,44})", "gi") },
  { name: "defined_networking_token", label: "DNKEY_TOKEN", keywords: ["dnkey-"], confidence: 0.95, at: [0],
    pattern: /(?<![\w-])(dnkey-[a-z0-9=_-]{26}-[a-z0-9=_-]{52})/gi },
  { name: "maxmind_key", label: "MAXMIND_KEY", keywords: ["_mmk"], confidence: 0.9, at: [36],
    pattern: re("([A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk)") },
  { name: "contentful_token", label: "CONTENTFUL_TOKEN", keywords: ["cfpat-"], confidence: 0.95, at: [0], pattern: re("(CFPAT-[\\w-]{43})") },
  { name: "docker_token", label: "DOCKER_TOKEN", keywords: ["dckr_pat_", "dckr_oat_"], confidence: 0.95, at: [0],
    pattern: re("(dckr_(?:pat|oat)_[\\w-]{27,})") },
  { name: "bitbucket_token", label: "BITBUCKET_TOKEN", keywords: ["atbb"], confidence: 0.9, at: [0], check: random(3.5),
    pattern: re("(ATBB[A-Za-z0-9]{32,})") },
  { name: "atlassian_token", label: "ATLASSIAN_TOKEN", keywords: ["atatt3", "atctt3"], confidence: 1, at: [0],
    pattern: re("(AT[AC]TT3[A-Za-z0-9_=-]{100,})") },
  { name: "nuget_key", label: "NUGET_KEY", keywords: ["oy2"], confidence: 0.9, at: [0], check: random(3.5), pattern: re("(oy2[a-z0-9]{43})") },
  { name: "yandex_token", label: "YANDEX_TOKEN", keywords: ["y0_", "aqvn", "t1."], confidence: 0.9, at: [0], check: random(3.5),
    pattern: re("(y0_[A-Za-z0-9_-]{55}|AQVN[A-Za-z0-9_-]{35,38}|t1\\.[A-Z0-9a-z_-]+={0,2}\\.[A-Z0-9a-z_-]{86}={0,2})") },
  { name: "linear_key", label: "LINEAR_KEY", keywords: ["lin_api_", "lin_oauth_"], confidence: 1, at: [0],
    pattern: re("(lin_api_[a-z0-9]{40}|lin_oauth_[a-f0-9]{64})", "gi") },
  { name: "supabase_token", label: "SUPABASE_TOKEN", keywords: ["sbp_"], confidence: 0.95, at: [0], pattern: re("(sbp_[a-f0-9]{40})") },
  { name: "tailscale_key", label: "TAILSCALE_KEY", keywords: ["tskey-"], confidence: 0.95, at: [0],
    pattern: re("(tskey-(?:auth|api|client|webhook|scim)-[A-Za-z0-9]{6,}-[A-Za-z0-9]{20,})") },
  { name: "figma_token", label: "FIGMA_TOKEN", keywords: ["figd_"], confidence: 0.95, at: [0], pattern: re("(figd_[\\w-]{40,})") },
  { name: "netlify_token", label: "NETLIFY_TOKEN", keywords: ["nfp_"], confidence: 0.9, at: [0], check: random(3.5),
    pattern: re("(nfp_[A-Za-z0-9]{36,})") },
  { name: "pinecone_key", label: "PINECONE_KEY", keywords: ["pcsk_"], confidence: 0.9, at: [0], pattern: re("(pcsk_[A-Za-z0-9]{5,8}_[\\w]{60,})") },
  // Un-branded `sk-` keys (DeepSeek, older OpenAI, many OpenAI-compatible APIs): long random bodies only.
  { name: "sk_api_key", label: "API_KEY", keywords: ["sk-"], confidence: 0.7, at: [0], check: random(4),
    pattern: re("(sk-[A-Za-z0-9]{32,64})") },
];
