import type { SecretRule } from "./rule";

const L = "(?<![A-Za-z0-9])";
const R = "(?![A-Za-z0-9])";
const re = (body: string, flags = "g"): RegExp => new RegExp(L + body + R, flags);

/** Developer-tool and SaaS tokens with distinctive prefixes (after gitleaks' rule set). */
export const saasRules: readonly SecretRule[] = [
  { name: "sentry_token", label: "SENTRY_TOKEN", keywords: ["sntrys_", "sntryu_"], confidence: 1,
    pattern: re("(sntrys_eyJpYXQiO[A-Za-z0-9+/=_]{50,}|sntryu_[a-f0-9]{64})") },
  { name: "sourcegraph_token", label: "SOURCEGRAPH_TOKEN", keywords: ["sgp_"], confidence: 0.95,
    pattern: re("(sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}|sgp_[a-fA-F0-9]{40})") },
  { name: "settlemint_token", label: "SETTLEMINT_TOKEN", keywords: ["sm_pat_", "sm_aat_", "sm_sat_"], confidence: 1,
    pattern: re("(sm_(?:pat|aat|sat)_[a-zA-Z0-9]{16})") },
  { name: "infracost_token", label: "INFRACOST_TOKEN", keywords: ["ico-"], confidence: 0.95, pattern: re("(ico-[a-zA-Z0-9]{32})") },
  { name: "flyio_token", label: "FLYIO_TOKEN", keywords: ["fo1_", "fm1r_", "fm1a_", "fm2_"], confidence: 0.95,
    pattern: re("(fo1_[\\w-]{43}|fm1[ar]_[a-zA-Z0-9+/]{100,}={0,3}|fm2_[a-zA-Z0-9+/]{100,}={0,3})") },
  { name: "prefect_token", label: "PREFECT_TOKEN", keywords: ["pnu_"], confidence: 1, pattern: re("(pnu_[a-zA-Z0-9]{36})") },
  { name: "readme_token", label: "README_TOKEN", keywords: ["rdme_"], confidence: 1, pattern: re("(rdme_[a-z0-9]{70})") },
  { name: "clojars_token", label: "CLOJARS_TOKEN", keywords: ["clojars_"], confidence: 1, pattern: re("(CLOJARS_[a-z0-9]{60})", "gi") },
  { name: "duffel_token", label: "DUFFEL_TOKEN", keywords: ["duffel_"], confidence: 1, pattern: re("(duffel_(?:test|live)_[\\w=-]{43})", "gi") },
  { name: "easypost_token", label: "EASYPOST_TOKEN", keywords: ["ezak", "eztk"], confidence: 0.95, pattern: re("(EZ[AT]K[a-zA-Z0-9]{54})") },
  { name: "frameio_token", label: "FRAMEIO_TOKEN", keywords: ["fio-u-"], confidence: 1, pattern: re("(fio-u-[\\w=-]{64})", "gi") },
  { name: "heroku_key", label: "HEROKU_KEY", keywords: ["hrku-"], confidence: 1, pattern: re("(HRKU-AA[0-9a-zA-Z_-]{58})") },
  { name: "notion_token", label: "NOTION_TOKEN", keywords: ["ntn_"], confidence: 0.95, pattern: re("(ntn_[0-9]{11}[A-Za-z0-9]{32}[A-Za-z0-9]{3})") },
  { name: "perplexity_key", label: "PERPLEXITY_KEY", keywords: ["pplx-"], confidence: 1, pattern: re("(pplx-[a-zA-Z0-9]{48})") },
  { name: "scalingo_token", label: "SCALINGO_TOKEN", keywords: ["tk-us-"], confidence: 1, pattern: re("(tk-us-[\\w-]{48})") },
  { name: "shippo_token", label: "SHIPPO_TOKEN", keywords: ["shippo_"], confidence: 1, pattern: re("(shippo_(?:live|test)_[a-fA-F0-9]{40})") },
  { name: "typeform_token", label: "TYPEFORM_TOKEN", keywords: ["tfp_"], confidence: 1, pattern: re("(tfp_[a-z0-9_.=-]{59})", "gi") },
  { name: "adobe_secret", label: "ADOBE_SECRET", keywords: ["p8e-"], confidence: 1, pattern: re("(p8e-[a-z0-9]{32})", "gi") },
  { name: "artifactory_token", label: "ARTIFACTORY_TOKEN", keywords: ["akcp", "cmvmdgtu"], confidence: 0.9,
    pattern: re("(AKCp[A-Za-z0-9]{69}|cmVmdGtu[A-Za-z0-9]{56})") },
  { name: "octopus_key", label: "OCTOPUS_KEY", keywords: ["api-"], confidence: 0.85, pattern: re("(API-[A-Z0-9]{26})") },
  { name: "openshift_token", label: "OPENSHIFT_TOKEN", keywords: ["sha256~"], confidence: 1, pattern: re("(sha256~[\\w-]{43})") },
  { name: "authress_key", label: "AUTHRESS_KEY", keywords: ["sc_", "ext_", "scauth_", "authress_"], confidence: 0.9,
    pattern: re("((?:sc|ext|scauth|authress)_[a-z0-9]{5,30}\\.[a-z0-9]{4,6}\\.acc[_-][a-z0-9-]{10,32}\\.[a-z0-9+/_=-]{30,120})", "gi") },
  { name: "atlassian_token", label: "ATLASSIAN_TOKEN", keywords: ["atatt3"], confidence: 1, pattern: re("(ATATT3[A-Za-z0-9_=-]{186})") },
  { name: "twitter_bearer", label: "TWITTER_TOKEN", keywords: ["aaaaaaaaaaaaaaaaaaaaa"], confidence: 0.9,
    pattern: re("(A{22}[A-Za-z0-9%]{80,100})") },
  { name: "facebook_token", label: "FACEBOOK_TOKEN", keywords: ["eaa"], confidence: 0.8, pattern: re("(EAA[MC][a-zA-Z0-9]{100,})") },
  { name: "beamer_token", label: "BEAMER_TOKEN", keywords: ["b_"], confidence: 0.8, pattern: re("(b_[a-z0-9=_-]{44})", "gi") },
  { name: "clickhouse_secret", label: "CLICKHOUSE_SECRET", keywords: ["4b1d"], confidence: 0.9, pattern: re("(4b1d[A-Za-z0-9]{38})") },
  { name: "cloudflare_key", label: "CLOUDFLARE_KEY", keywords: ["cloudflare"], confidence: 0.8,
    pattern: /cloudflare[\w.-]{0,20}["'`]?\s{0,3}[:=]{1,3}>?\s{0,3}["'`]?([a-z0-9_-]{40}|[a-f0-9]{37})(?![a-z0-9_-])/gi },
];
