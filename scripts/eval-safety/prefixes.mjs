// "Prefixed secrets": credentials whose format starts with a fixed, vendor-issued literal (sk-ant-, AKIA, ghp_,
// xoxb-, …). The dataset has no span or prefix field, so a positive row counts as prefixed when its `kind` is not
// one of the un-prefixed families below AND its text contains one of these literals directly followed by ≥ 8 token
// characters. The list is written from public token formats (gitleaks rule regexes that begin with a literal), not
// from the detectors under test.
export const PREFIXES = [
  "sk-ant-", "sk-proj-", "sk-svcacct-", "sk-admin-", "T3BlbkFJ", "sk-or-v1-", "pplx-",
  "AKIA", "ASIA", "ABIA", "ACCA", "A3T", "ABSK", "bedrock-api-key-", "AIza", "LTAI", "AccountKey=",
  "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "gldt-", "glrt-", "glcbt-", "glft-", "glsoat-",
  "glimt-", "glagent-", "gloas-", "glptt-", "glffct-", "GR1348941", "ATBB", "ATATT3", "ATCTT3",
  "xoxb-", "xoxp-", "xoxa-", "xoxe-", "xoxs-", "xoxr-", "xoxe.xox", "xapp-", "hooks.slack.com/",
  "sk_live_", "sk_test_", "rk_live_", "rk_test_", "pk_live_", "hf_", "api_org_", "npm_", "pypi-AgE",
  "dop_v1_", "doo_v1_", "dor_v1_", "SG.", "shpat_", "shpca_", "shppa_", "shpss_", "sntrys_", "sntryu_", "ops_eyJ",
  "lin_api_", "lin_oauth_", "PMAK-", "dp.pt.", "dp.st.", "dp.ct.", "dp.sa.", "dp.scim.", "dp.audit.", "dapi",
  "pscale_tkn_", "pscale_oauth_", "pscale_pw_", "pul-", "glc_", "glsa_", "eyJrIjoi", "FLWSECK", "FLWPUBK",
  "atlasv1.", "hvs.", "hvb.", "sq0atp-", "sq0csp-", "EAAA", "xkeysib-", "shippo_live_", "shippo_test_", "rubygems_",
  "CLOJARS_", "CFPAT-", "dt0c01.", "NRAK-", "NRII-", "NRJS-", "sgp_", "pnu_", "duffel_live_", "duffel_test_",
  "EZAK", "EZTK", "dckr_pat_", "fio-u-", "oy2", "ntn_", "HRKU-", "rdme_", "sm_aat_", "sm_pat_", "sm_sat_", "tfp_",
  "y0_", "AQVN", "ico-", "s-s4t2ud-", "s-s4t2af-", "fo1_", "fm1r_", "fm2_", "AKCp", "cmVmdGtu", "v1.0-",
  "AGE-SECRET-KEY-1", "sha256~", "access-sandbox-", "access-production-", "access-development-", "tk-us-",
  "lmv1-", "sk-", "mfa.", "GOCSPX-", "ya29.",
  "_gitlab_session=", "sk_prod_", "webhook.office.com/", "https://discord.com/api/webhooks/", "EAA", "AAAAAAAAAAAAAAAAAAAAA",
  // Added 2026-11-25 (same source: literal prefixes of gitleaks rules and vendor docs): Airtable PATs (pat + 14 + "."),
  // Harness (pat. / sat.), Mapbox (pk. / sk.), Dropbox short-lived (sl.), Defined Networking, Slack legacy xoxo-,
  // Groq, xAI, Replicate, LangSmith, Supabase, Tailscale, Figma, Netlify, Pinecone, Docker OATs, Stripe webhooks.
  "pat", "pat.", "sat.", "pk.", "sk.", "sl.", "dnkey-", "xoxo-", "gsk_", "xai-", "r8_", "lsv2_", "sbp_", "tskey-",
  "figd_", "nfp_", "pcsk_", "dckr_oat_", "whsec_",
];

/** Kinds without a vendor prefix: never counted as prefixed, whatever the text contains. */
export const UNPREFIXED_KINDS = new Set([
  "none", "generic_secret", "generic_password", "url_credentials", "private_key", "jwt", "kubernetes_secret_yaml",
  "gcp_service_account", "aws_secret_key", "sidekiq_sensitive_url",
]);

const tokenAfter = /^[A-Za-z0-9_\-.~+/=]{8,}/;

/** Does this row's text carry a known vendor prefix starting a token? */
export function hasKnownPrefix(text) {
  for (const p of PREFIXES) {
    let at = text.indexOf(p);
    while (at >= 0) {
      const before = at === 0 ? "" : text[at - 1];
      const boundary = p.includes("/") || !/[A-Za-z0-9]/.test(before);
      if (boundary && tokenAfter.test(text.slice(at + p.length, at + p.length + 64))) return true;
      at = text.indexOf(p, at + 1);
    }
  }
  return false;
}

export const isPrefixedRow = (row) => row.label === 1 && !UNPREFIXED_KINDS.has(row.kind) && hasKnownPrefix(row.text);
