import { entropy } from "./guards";
import type { SecretRule } from "./rule";

const AN = "A-Za-z0-9";
const HEX = "0-9a-fA-F";
const UUID = `[${HEX}]{8}-[${HEX}]{4}-[${HEX}]{4}-[${HEX}]{4}-[${HEX}]{12}`;
// Identifier rest (`Token`, `_API_KEY`, ` string`), closing quotes, an assignment operator, an optional YAML block
// header, opening quotes: gitleaks' semi-generic shape, bounded so the regex stays linear.
const OPERATOR = "(?:[:+?]?=|:{2,3}=|=>|:|>|,|\\(|\\|\\|?)";
const BETWEEN = `[\\w.-]{0,20}(?:[ \\t]+(?:string|str|String|const))?[ \\t'"\`\\\\\\]>)]{0,5}${OPERATOR}(?:[ \\t]*[|>][-+]?[ \\t]*\\r?\\n)?[\\s'"\`=\\\\]{0,6}`;
const END = "(?=[\\s'\"`;,)<\\\\]|$)";

/** The vendor word (case-insensitive, not inside a longer word on its left: `CameraKit` is not `meraki`), then the value. */
const keyed = (vendors: readonly string[], value: string): RegExp =>
  new RegExp(`(?<![A-Za-z])(?:${vendors.map(anyCase).join("|")})${BETWEEN}(${value})${END}`, "g");

function anyCase(word: string): string {
  return word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`).replace(/[.-]/g, "\\$&");
}

/** Random material: a digit, and entropy near what a random string of that length reaches. */
function randomValue(v: string): number | undefined {
  return /\d/.test(v) && entropy(v) >= Math.min(3, 0.7 * Math.log2(v.length)) ? 0.75 : undefined;
}

/** Sidekiq license credentials are `hex8:hex8` under a unique variable name; the shape is enough. */
const anyValue = (): number => 0.75;

const TABLE: readonly (readonly [string, readonly string[], string, ((v: string) => number | undefined)?])[] = [
  ["adafruit_key", ["adafruit"], `[${AN}_-]{32}`],
  ["adobe_client_id", ["adobe"], `[${HEX}]{32}`],
  ["airtable_key", ["airtable"], `[${AN}]{17}`],
  ["algolia_key", ["algolia"], `[${AN}]{32}`],
  ["alibaba_secret", ["alibaba"], `[${AN}]{30}`],
  ["asana_secret", ["asana"], `[0-9]{16}|[${AN}]{32}`],
  ["atlassian_token", ["atlassian", "confluence", "jira"], `[${AN}]{20}[${HEX}]{4}`],
  ["beamer_token", ["beamer"], `b_[${AN}=_-]{44}`],
  ["bitbucket_secret", ["bitbucket"], `[${AN}]{32}|[${AN}=_-]{64}`],
  ["bittrex_key", ["bittrex"], `[${AN}]{32}`],
  ["meraki_key", ["meraki"], `[0-9a-f]{40}`],
  ["cloudflare_key", ["cloudflare"], `[${AN}_-]{40}|[${HEX}]{37}`],
  ["codecov_token", ["codecov"], `[${AN}]{32}`],
  ["cohere_key", ["cohere", "co_api_key"], `[${AN}]{40}`],
  ["coinbase_token", ["coinbase"], `[${AN}_-]{64}`],
  ["confluent_key", ["confluent"], `[${AN}]{64}|[${AN}]{16}`],
  ["contentful_token", ["contentful"], `[${AN}=_-]{43}`],
  ["datadog_token", ["datadog"], `[${AN}]{40}`],
  ["discord_secret", ["discord"], `[${HEX}]{64}|[0-9]{18}|[${AN}=_-]{32}`],
  ["droneci_token", ["droneci"], `[${AN}]{32}`],
  ["dropbox_token", ["dropbox"], `[${AN}]{15}`],
  ["etsy_token", ["etsy"], `[${AN}]{24}`],
  ["facebook_secret", ["facebook"], `[${HEX}]{32}`],
  ["fastly_token", ["fastly"], `[${AN}=_-]{32}`],
  ["finicity_token", ["finicity"], `[${HEX}]{32}|[${AN}]{20}`],
  ["finnhub_token", ["finnhub"], `[${AN}]{20}`],
  ["flickr_token", ["flickr"], `[${AN}]{32}`],
  ["freshbooks_token", ["freshbooks"], `[${AN}]{64}`],
  ["gitter_token", ["gitter"], `[${AN}_-]{40}`],
  ["gocardless_token", ["gocardless"], `live_[${AN}_=-]{40}`],
  ["heroku_key", ["heroku"], UUID],
  ["hubspot_key", ["hubspot"], UUID],
  ["intercom_token", ["intercom"], `[${AN}=_-]{60}`],
  ["jfrog_token", ["jfrog", "artifactory", "bintray", "xray"], `[${AN}]{73}|[${AN}]{64}`],
  ["kraken_token", ["kraken"], `[${AN}/=_+-]{80,90}`],
  ["kucoin_key", ["kucoin"], `${UUID}|[${HEX}]{24}`],
  ["launchdarkly_token", ["launchdarkly"], `[${AN}=_-]{40}`],
  ["linear_secret", ["linear"], `[${HEX}]{32}`],
  ["linkedin_secret", ["linkedin", "linked_in", "linked-in"], `[${AN}]{16}|[${AN}]{14}`],
  ["lob_key", ["lob"], `(?:live|test)_(?:pub_)?[${HEX}]{31,35}`],
  ["looker_secret", ["looker"], `[${AN}]{24}|[${AN}]{20}`],
  ["mailgun_key", ["mailgun"], `[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8}`],
  ["mattermost_token", ["mattermost"], `[${AN}]{26}`],
  ["messagebird_token", ["messagebird", "message-bird", "message_bird"], `${UUID}|[${AN}]{25}`],
  ["netlify_token", ["netlify"], `[${AN}=_-]{40,46}`],
  ["newrelic_key", ["new-relic", "newrelic", "new_relic"], `[${AN}]{64}`],
  ["nytimes_token", ["nytimes", "new-york-times", "newyorktimes"], `[${AN}=_-]{32}`],
  ["okta_token", ["okta"], `00[\\w=-]{40}`],
  ["plaid_key", ["plaid"], `[${AN}]{30}|[${AN}]{24}`],
  ["privateai_token", ["privateai", "private_ai", "private-ai"], `[${AN}]{32}`],
  ["rapidapi_token", ["rapidapi"], `[${AN}_-]{50}`],
  ["sendbird_token", ["sendbird"], `${UUID}|[${HEX}]{40}`],
  ["sentry_token", ["sentry"], `[${HEX}]{64}`],
  ["sidekiq_secret", ["bundle_enterprise__contribsys__com", "bundle_gems__contribsys__com"], `[${HEX}]{8}:[${HEX}]{8}`, anyValue],
  ["snyk_token", ["snyk"], UUID],
  ["sonar_token", ["sonar"], `[${AN}=_-]{40}`],
  ["sourcegraph_token", ["sourcegraph"], `[${HEX}]{40}`],
  ["squarespace_token", ["squarespace"], UUID],
  ["sumologic_key", ["sumo"], `[${AN}]{64}|su[${AN}]{12}`],
  ["travisci_token", ["travis"], `[${AN}]{22}`],
  ["trello_token", ["trello"], `[${AN}-]{32}`],
  ["twitch_token", ["twitch"], `[${AN}]{30}`],
  ["twitter_secret", ["twitter"], `[0-9]{15,25}-[${AN}]{20,40}|[${AN}]{50}|[${AN}]{45}|[${AN}]{25}`],
  ["yandex_key", ["yandex"], `YC[\\w-]{38}`],
  ["zendesk_secret", ["zendesk"], `[${AN}]{40}`],
];

/**
 * Vendor credentials without a prefix of their own, recognised by the vendor's name in the identifier they are assigned
 * to (`ALGOLIA_API_KEY = …`, `"artifactory", "…"`, `sourcegraph: …`) and the value's documented shape.
 */
export const keyedRules: readonly SecretRule[] = TABLE.map(([name, vendors, value, check = randomValue]) => ({
  name,
  label: "VENDOR_SECRET",
  keywords: vendors,
  confidence: 0.75,
  at: [0],
  check,
  pattern: keyed(vendors, value),
}));
