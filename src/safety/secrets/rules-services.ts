import type { SecretRule } from "./rule";

const L = "(?<![A-Za-z0-9])";
const R = "(?![A-Za-z0-9])";
const re = (body: string, flags = "g"): RegExp => new RegExp(L + body + R, flags);

/** Messaging, payment and SaaS services whose keys carry a fixed prefix (after gitleaks' rule set). */
export const serviceRules: readonly SecretRule[] = [
  { name: "slack_token", label: "SLACK_TOKEN", keywords: ["xox", "xapp-"], confidence: 0.95,
    // Real Slack tokens always contain digit groups; `xoxb-my-bot-token` is documentation.
    check: (t) => (/\d{4}/.test(t) ? 0.95 : undefined),
    pattern: re("(xox(?:[abpsr]|e\\.xox[bp]|e)-(?:\\d-)?[0-9A-Za-z-]{10,250}|xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+)", "gi") },
  { name: "slack_webhook", label: "SLACK_WEBHOOK", keywords: ["hooks.slack.com"], confidence: 0.95,
    pattern: /((?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/]{43,56})/g },
  { name: "teams_webhook", label: "TEAMS_WEBHOOK", keywords: ["webhook.office.com"], confidence: 0.9,
    pattern: /(https:\/\/[a-z0-9]+\.webhook\.office\.com\/webhookb2\/[a-z0-9-]+@[a-z0-9-]+\/IncomingWebhook\/[a-z0-9]{32}\/[a-z0-9-]{36})/g },
  // Live keys move money; test keys are lower risk but still credentials.
  { name: "stripe_key", label: "STRIPE_KEY", keywords: ["sk_live_", "rk_live_", "sk_prod_", "rk_prod_"], confidence: 1,
    pattern: re("((?:sk|rk)_(?:live|prod)_[A-Za-z0-9]{10,99})") },
  { name: "stripe_key", label: "STRIPE_KEY", keywords: ["sk_test_", "rk_test_"], confidence: 0.6,
    pattern: re("((?:sk|rk)_test_[A-Za-z0-9]{10,99})") },
  { name: "twilio_key", label: "TWILIO_KEY", keywords: ["sk"], confidence: 0.85, pattern: re("(SK[0-9a-fA-F]{32})") },
  { name: "twilio_account_sid", label: "TWILIO_SID", keywords: ["ac"], confidence: 0.5, pattern: re("(AC[0-9a-f]{32})") },
  { name: "sendgrid_key", label: "SENDGRID_KEY", keywords: ["sg."], confidence: 1,
    pattern: re("(SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})") },
  { name: "sendinblue_key", label: "SENDINBLUE_KEY", keywords: ["xkeysib-"], confidence: 1,
    pattern: re("(xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})") },
  { name: "mailchimp_key", label: "MAILCHIMP_KEY", keywords: ["-us"], confidence: 0.8, pattern: re("([0-9a-f]{32}-us\\d{1,2})") },
  { name: "mailgun_key", label: "MAILGUN_KEY", keywords: ["key-", "pubkey-"], confidence: 0.8,
    pattern: re("((?:pub)?key-[a-f0-9]{32})") },
  { name: "shopify_token", label: "SHOPIFY_TOKEN", keywords: ["shpat_", "shpss_", "shpca_", "shppa_"], confidence: 1,
    pattern: re("(shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32})") },
  { name: "square_token", label: "SQUARE_TOKEN", keywords: ["sq0atp-", "sq0csp-", "eaaa"], confidence: 0.9,
    pattern: re("(sq0(?:atp|csp)-[0-9A-Za-z_-]{22,43}|EAAA[\\w-]{60})") },
  { name: "discord_token", label: "DISCORD_TOKEN", keywords: ["."], confidence: 0.8,
    pattern: re("([MNO][A-Za-z\\d_-]{23,25}\\.[A-Za-z\\d_-]{6}\\.[A-Za-z\\d_-]{27,38})") },
  { name: "telegram_token", label: "TELEGRAM_TOKEN", keywords: [":aa"], confidence: 0.85,
    pattern: re("(\\d{8,10}:AA[0-9A-Za-z_-]{33})") },
  { name: "postman_key", label: "POSTMAN_KEY", keywords: ["pmak-"], confidence: 1, pattern: re("(PMAK-[a-f0-9]{24}-[a-f0-9]{34})", "gi") },
  { name: "doppler_token", label: "DOPPLER_TOKEN", keywords: ["dp.pt."], confidence: 1, pattern: re("(dp\\.pt\\.[a-z0-9]{43})", "gi") },
  { name: "dynatrace_token", label: "DYNATRACE_TOKEN", keywords: ["dt0c01."], confidence: 1,
    pattern: re("(dt0c01\\.[a-z0-9]{24}\\.[a-z0-9]{64})", "gi") },
  { name: "linear_key", label: "LINEAR_KEY", keywords: ["lin_api_"], confidence: 1, pattern: re("(lin_api_[a-z0-9]{40})", "gi") },
  { name: "planetscale_token", label: "PLANETSCALE_TOKEN", keywords: ["pscale_"], confidence: 1,
    pattern: re("(pscale_(?:tkn|oauth|pw)_[\\w=.-]{32,64})") },
  { name: "pulumi_token", label: "PULUMI_TOKEN", keywords: ["pul-"], confidence: 1, pattern: re("(pul-[a-f0-9]{40})") },
  { name: "rubygems_token", label: "RUBYGEMS_TOKEN", keywords: ["rubygems_"], confidence: 1, pattern: re("(rubygems_[a-f0-9]{48})") },
  { name: "newrelic_key", label: "NEWRELIC_KEY", keywords: ["nrak-", "nrjs-", "nrii-"], confidence: 0.95,
    pattern: re("(NRAK-[a-z0-9]{27}|NRJS-[a-f0-9]{19}|NRII-[a-z0-9-]{32})", "gi") },
  { name: "grafana_token", label: "GRAFANA_TOKEN", keywords: ["glc_", "glsa_", "eyjrijoi"], confidence: 0.95,
    pattern: re("(glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|eyJrIjoi[A-Za-z0-9]{70,400}={0,2})") },
  { name: "terraform_token", label: "TERRAFORM_TOKEN", keywords: [".atlasv1."], confidence: 1,
    pattern: re("([a-z0-9]{14}\\.atlasv1\\.[a-z0-9_=-]{60,70})", "gi") },
  { name: "onepassword_token", label: "ONEPASSWORD_TOKEN", keywords: ["ops_eyj", "a3-"], confidence: 0.95,
    pattern: re("(ops_eyJ[A-Za-z0-9+/]{250,}={0,3}|A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})") },
];
