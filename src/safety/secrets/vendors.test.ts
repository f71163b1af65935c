import { describe, expect, it } from "vitest";
import { BASE62, HEX, randomFrom, scanSecrets } from "./test-helpers";

// Fake keys are assembled at run time from a prefix and pseudo-random parts, so no key-shaped literal sits in the repo.
const an = (n: number, seed = n): string => randomFrom(BASE62, n, seed);
const lo = (n: number, seed = n): string => randomFrom("abcdefghijklmnopqrstuvwxyz0123456789", n, seed);
const hex = (n: number, seed = n): string => randomFrom(HEX, n, seed);
const uuid = (seed: number): string => [hex(8, seed), hex(4, seed + 1), hex(4, seed + 2), hex(4, seed + 3), hex(12, seed + 4)].join("-");
const p = (...parts: string[]): string => parts.join("");
const detectorsOf = (text: string): string[] => scanSecrets(text).map((f) => f.detector);

/** [detector, text]: one realistic fake per family, in the contexts gitleaks' samples use. */
const positives: readonly (readonly [string, string])[] = [
  ["airtable_token", `AIRTABLE_TOKEN=${p("pa", "t", an(14))}.${hex(64)}`],
  ["harness_token", `harnessToken="${p("s", "at.")}${lo(22)}.${lo(24, 3)}.${lo(20, 4)}"`],
  ["harness_token", `${p("pa", "t.")}${lo(22, 5)}.${lo(24, 6)}.${lo(20, 7)}`],
  ["mapbox_token", `mapboxToken := \`${p("p", "k.")}${lo(60)}.${lo(22)}\``],
  ["mapbox_token", `MAPBOX_SECRET=${p("s", "k.")}eyJ1${an(70)}.${an(22)}`],
  ["intra42_secret", p("s-s4t2", "ud-", hex(64))],
  ["intra42_secret", `INTRA_SECRET=${p("s-s4t2", "af-", hex(64, 9))}`],
  ["gitlab_token", `gitlabToken = "${p("gl", "rt-t4_")}${lo(27)}.${lo(9)}"`],
  ["gitlab_token", `token: ${p("gl", "rt-")}${an(20)}`],
  ["gitlab_token", p("gl", "pat-", an(20))],
  ["gitlab_token", p("gl", "dt-", an(20))],
  ["gitlab_token", p("gl", "ft-", an(20))],
  ["gitlab_token", p("gl", "soat-", an(20))],
  ["gitlab_token", p("gl", "cbt-", hex(2), "_", an(20))],
  ["gitlab_token", p("GR1348", "941", an(20))],
  ["gitlab_token", p("gl", "agent-", an(50))],
  ["gitlab_token", p("gl", "imt-", an(25))],
  ["gitlab_token", p("gl", "oas-", an(64))],
  ["gitlab_token", p("gl", "ptt-", hex(40))],
  ["gitlab_token", `Cookie: ${p("_gitlab_", "session=", lo(32))}`],
  ["slack_token", p("xo", "xe.xoxb-1-", an(166))],
  ["slack_token", p("xo", "xe-1-", an(146))],
  ["slack_token", p("xo", "xb-", randomFrom("0123456789", 12, 1), "-", randomFrom("0123456789", 13, 2), "-", an(24))],
  ["slack_token", p("xo", "xs-", randomFrom("0123456789", 10, 9), "-", randomFrom("0123456789", 10, 10), "-", randomFrom("0123456789", 10, 11), "-", hex(10))],
  ["slack_token", p("xo", "xa-", lo(12))],
  ["flutterwave_key", `FLW_KEY=${p("FLWSECK", "_TEST-", randomFrom("abcdefgh0123456789", 12, 3))}`],
  ["flutterwave_key", p("FLWSECK", "-", randomFrom("abcdef0123456789", 32, 4), "-X")],
  ["sendgrid_key", `"${p("S", "G.", lo(66))}"`],
  ["sendgrid_key", p("S", "G.", an(22), ".", an(43))],
  ["dropbox_token", `dropbox: ${p("s", "l.", an(135))}`],
  ["facebook_token", `facebook ${randomFrom("0123456789", 16, 5)}|${an(27)}`],
  ["plaid_token", p("access-", "sandbox-", uuid(3))],
  ["doppler_token", p("dp.", "st.", "prd.", lo(40))],
  ["defined_networking_token", p("dnk", "ey-", lo(26), "-", lo(52))],
  ["maxmind_key", p(an(6), "_", an(29), "_m", "mk")],
  ["ai_provider_key", p("sk-", "or-v1-", hex(64))],
  ["ai_provider_key", p("gs", "k_", an(52))],
  ["gcp_oauth", p("GOCS", "PX-", an(28))],
  ["docker_token", p("dckr", "_pat_", an(27))],
  ["bitbucket_token", p("AT", "BB", an(32))],
  ["discord_token", p("https://discord.com/api/", "webhooks/", randomFrom("0123456789", 18, 6), "/", an(68))],
  ["telegram_token", `TELEGRAM=${randomFrom("0123456789", 10, 8)}:A${an(34)}`],
  ["kubernetes_secret", `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${btoa(an(18))}\n`],
  // Vendor-keyword rules: the vendor's name in the identifier, the value's documented shape.
  ["sourcegraph_token", `sourcegraph: ${hex(40)}`],
  ["jfrog_token", `"artifactory", "${lo(64)}"`],
  ["sumologic_key", `export SUMOLOGIC_ACCESSID="su${an(12)}"`],
  ["algolia_key", `ALGOLIA = ${lo(32)}`],
  ["hubspot_key", `hubspot: ${uuid(11).toUpperCase()}`],
  ["meraki_key", `meraki = ${hex(40)}`],
];

const negatives: readonly string[] = [
  `${p("gl", "dt-")}seems_too000Sshorty`, // 19 characters
  `${p("gl", "imt-")}my-tokens_are-correctAB38_280`, // longer than the fixed 25
  `${p("gl", "rt-")}tx_${"x".repeat(27)}.${"x".repeat(9)}`,
  `${p("GR1348", "941")}12312312312312312312`,
  `${p("xo", "xe.xoxp-1-")}RANDOMSTRINGHERE`,
  `${p("xo", "xb-")}abcdef-abcdef`,
  `${p("S", "G.")}${an(22)}..${an(43)}`,
  "void GLC_StateBeginUnderwaterAliasModelCaustics(texture_ref base_texture, texture_ref caustics_texture)",
  "ReactNativeCameraKit: f15a5a04b0f6dc6073e6db0296e6ef2d8b8d2522", // `CameraKit` is not `meraki`
  "sumOfExposures = sumOfExposures;",
  "SetSysctl = \"yjh0dnyr2vmg964wrbp57c1d\"", // `SetSysctl` is not `etsy`
  `discord: ${"0123456789abcdef".repeat(4)}`,
  "apiVersion: v1\nkind: Secret\nmetadata:\n  name: csrf\ndata:\n  csrf: \"\"\n",
  "apiVersion: v1\nkind: ExternalSecret\nspec:\n  data:\n    - key: MySecretManagerKey\n",
  `${p("pa", "t")}ternMatchingEngine.${"0".repeat(64)}`,
];

describe("vendor families: true positives", () => {
  it.each(positives)("%s detects %s", (detector, text) => {
    expect(detectorsOf(text)).toContain(detector);
  });

  it("covers the whole routable GitLab runner token, suffix included", () => {
    const token = p("gl", "rt-t1_", lo(27, 40), ".", lo(2, 41), lo(7, 42));
    const text = `runner: '${token}'`;
    const f = scanSecrets(text).find((x) => x.detector === "gitlab_token");
    expect(f && text.slice(f.start, f.end)).toBe(token);
  });
});

describe("vendor families: false-positive guards", () => {
  it.each(negatives.map((n) => [n]))("does not flag %s", (text) => {
    expect(scanSecrets(text)).toEqual([]);
  });
});
