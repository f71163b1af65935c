import { isPlaceholder } from "./guards";
import type { SecretRule } from "./rule";

const L = "(?<![A-Za-z0-9])";
const R = "(?![A-Za-z0-9])";
const re = (body: string, flags = "g"): RegExp => new RegExp(L + body + R, flags);
/**
 * Slack ids are digit runs (`511111111` is a real-looking team id), so the generic guard misreads them: a token is a
 * placeholder when its secret part is (`xxxx…`) or its id groups just repeat (`xoxp-1234-1234-1234-…`).
 */
function slackPlaceholder(t: string): boolean {
  const parts = t.split("-").slice(1);
  const ids = parts.filter((p) => /^\d+$/.test(p));
  return isPlaceholder(parts[parts.length - 1] ?? "") || (ids.length >= 2 && new Set(ids).size === 1);
}

/** Messaging, payment and e-mail services whose keys carry a fixed prefix (after gitleaks' rule set). */
export const serviceRules: readonly SecretRule[] = [
  // Bot tokens: team id, then a bot id + secret (modern) or an 18–26 character secret (legacy).
  { name: "slack_token", label: "SLACK_TOKEN", keywords: ["xoxb-"], confidence: 0.95, at: [0], placeholder: slackPlaceholder,
    pattern: re("(xoxb-\\d{8,14}-(?:\\d{10,13}[A-Za-z0-9-]*|[A-Za-z0-9]{18,26}))") },
  // User / legacy / workspace tokens with id groups (`xoxp-<team>-<user>-<id>-<secret>`): the secret has a letter.
  { name: "slack_token", label: "SLACK_TOKEN", keywords: ["xox"], confidence: 0.95, at: [0], placeholder: slackPlaceholder,
    pattern: re("(xox[pbsoare]-(?:\\d+-){2,4}(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{8,64})") },
  // Configuration access / refresh tokens: long base62 bodies.
  { name: "slack_token", label: "SLACK_TOKEN", keywords: ["xoxe"], confidence: 0.95, at: [0],
    pattern: re("(xoxe(?:\\.xox[bp])?-\\d-[A-Za-z0-9]{100,250})") },
  // Legacy workspace tokens (xoxa-, xoxr-) are short and need only a digit somewhere.
  { name: "slack_token", label: "SLACK_TOKEN", keywords: ["xoxa-", "xoxr-"], confidence: 0.85, at: [0],
    check: (t) => (/\d/.test(t) ? 0.85 : undefined), pattern: re("(xox[ar]-(?:\\d-)?[0-9a-zA-Z]{8,48})") },
  { name: "slack_token", label: "SLACK_TOKEN", keywords: ["xapp-"], confidence: 0.95, at: [0],
    pattern: re("(xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+)", "gi") },
  { name: "slack_webhook", label: "SLACK_WEBHOOK", keywords: ["hooks.slack.com"], confidence: 0.95, at: [0, 7, 8],
    pattern: /((?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/]{43,56})/g },
  { name: "teams_webhook", label: "TEAMS_WEBHOOK", keywords: ["webhook.office.com"], confidence: 0.9,
    pattern: /(https:\/\/[a-z0-9]+\.webhook\.office\.com\/webhookb2\/[a-z0-9-]+@[a-z0-9-]+\/IncomingWebhook\/[a-z0-9]{32}\/[a-z0-9-]{36})/g },
  { name: "discord_token", label: "DISCORD_TOKEN", keywords: ["/api/webhooks/", "mfa."], confidence: 0.9,
    pattern: /(https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[\w-]{60,68}|(?<![\w.])mfa\.[\w-]{84})/g },
  { name: "telegram_token", label: "TELEGRAM_TOKEN", keywords: [":a"], confidence: 0.85,
    pattern: /(?<![A-Za-z0-9])(\d{5,16}:A[\w-]{34})(?![\w-])/g },
  // Live keys move money; test keys are lower risk but still credentials.
  { name: "stripe_key", label: "STRIPE_KEY", keywords: ["sk_live_", "rk_live_", "sk_prod_", "rk_prod_", "whsec_"], confidence: 1, at: [0],
    pattern: re("((?:sk|rk)_(?:live|prod)_[A-Za-z0-9]{10,99}|whsec_[A-Za-z0-9+/]{32,})") },
  { name: "stripe_key", label: "STRIPE_KEY", keywords: ["sk_test_", "rk_test_"], confidence: 0.6, at: [0],
    pattern: re("((?:sk|rk)_test_[A-Za-z0-9]{10,99})") },
  { name: "braintree_token", label: "PAYMENT_KEY", keywords: ["access_token$"], confidence: 1, at: [0],
    pattern: /(access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})/g },
  { name: "flutterwave_key", label: "FLUTTERWAVE_KEY", keywords: ["flwpubk", "flwseck"], confidence: 0.95, at: [0],
    pattern: re("(FLW(?:PUB|SEC)K(?:_TEST)?-[a-h0-9]{32}-X|FLWSECK(?:_TEST)?-?[a-h0-9]{12})", "gi") },
  { name: "square_token", label: "SQUARE_TOKEN", keywords: ["sq0atp-", "sq0csp-", "eaaa"], confidence: 0.9, at: [0],
    pattern: re("(sq0(?:atp|csp)-[0-9A-Za-z_-]{22,60}|EAAA[\\w-]{22,60})") },
  { name: "twilio_key", label: "TWILIO_KEY", keywords: ["sk"], confidence: 0.85, at: [0], pattern: re("(SK[0-9a-fA-F]{32})") },
  { name: "twilio_account_sid", label: "TWILIO_SID", keywords: ["ac"], confidence: 0.5, at: [0], pattern: re("(AC[0-9a-f]{32})") },
  { name: "sendgrid_key", label: "SENDGRID_KEY", keywords: ["sg."], confidence: 1, at: [0],
    check: (t) => (/\d/.test(t) ? 1 : undefined),
    pattern: re("(SG\\.[\\w-]{16,32}\\.[\\w-]{16,64}|SG\\.[A-Za-z0-9=_.-]{66})") },
  { name: "sendinblue_key", label: "SENDINBLUE_KEY", keywords: ["xkeysib-"], confidence: 1, at: [0],
    pattern: re("(xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})") },
  { name: "mailchimp_key", label: "MAILCHIMP_KEY", keywords: ["-us"], confidence: 0.8, at: [32], pattern: re("([0-9a-f]{32}-us\\d{1,2})") },
  { name: "mailgun_key", label: "MAILGUN_KEY", keywords: ["key-", "pubkey-"], confidence: 0.8, at: [0],
    pattern: re("((?:pub)?key-[a-f0-9]{32})") },
  { name: "shopify_token", label: "SHOPIFY_TOKEN", keywords: ["shpat_", "shpss_", "shpca_", "shppa_"], confidence: 1, at: [0],
    pattern: re("(shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32})") },
  { name: "plaid_token", label: "PLAID_TOKEN", keywords: ["access-sandbox-", "access-development-", "access-production-"], confidence: 0.95, at: [0],
    pattern: re("(access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})") },
  { name: "facebook_token", label: "FACEBOOK_TOKEN", keywords: ["eaa"], confidence: 0.8, at: [0], pattern: re("(EAA[MC][a-zA-Z0-9]{100,})") },
  // App access tokens: the numeric app id, `|` (or its URL escape), then the app secret.
  { name: "facebook_token", label: "FACEBOOK_TOKEN", keywords: ["|", "%7c"], confidence: 0.8, at: [15, 16],
    check: (t) => (/[a-z]/i.test(t.slice(-20)) ? 0.8 : undefined),
    pattern: /(?<![\w])(\d{15,16}(?:\||%7[Cc])[0-9a-zA-Z_-]{27,40})(?![\w-])/g },
  { name: "twitter_bearer", label: "TWITTER_TOKEN", keywords: ["aaaaaaaaaaaaaaaaaaaaa"], confidence: 0.9, at: [0],
    pattern: re("(A{22}[A-Za-z0-9%]{80,100})") },
];
