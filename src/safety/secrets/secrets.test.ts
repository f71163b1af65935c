import { describe, expect, it } from "vitest";
import { githubChecksum } from "./github";
import { BASE62, HEX, randomFrom, scanSecrets } from "./test-helpers";

const r62 = (n: number, seed = n): string => randomFrom(BASE62, n, seed);
const rhex = (n: number, seed = n): string => randomFrom(HEX, n, seed);
const b64url = (s: string): string => btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
const detectorsOf = (text: string): string[] => scanSecrets(text).map((f) => f.detector);
const githubToken = (seed: number): string => {
  const random = r62(30, seed);
  return "gh" + "p_" + random + githubChecksum(random);
};

/** Fake keys per family, assembled at run time from parts. */
const positives: readonly (readonly [string, string])[] = [
  ["openai_key", `OPENAI_API_KEY=sk-proj-${r62(20)}T3BlbkFJ${r62(20, 7)}`],
  ["openai_key", `key: sk-svcacct-${r62(60)}`],
  ["anthropic_key", `sk-ant-api03-${r62(93)}AA`],
  ["aws_access_key", `aws_access_key_id = AKIA${randomFrom("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, 3)}`],
  ["gcp_api_key", `const k = "AIza${r62(35)}";`],
  ["azure_storage_key", `DefaultEndpointsProtocol=https;AccountName=x;AccountKey=${r62(86)}==;`],
  ["github_token", `token ${githubToken(1)}`],
  ["github_pat", `github_pat_${r62(82)}`],
  ["gitlab_token", `glpat-${r62(20)}`],
  ["slack_token", `xoxb-${randomFrom("0123456789", 12, 4)}-${randomFrom("0123456789", 13, 5)}-${r62(24)}`],
  ["slack_webhook", `https://hooks.slack.com/services/T${r62(8)}/B${r62(8)}/${r62(24)}`],
  ["stripe_key", `sk_live_${r62(24)}`],
  ["twilio_key", `SK${rhex(32)}`],
  ["sendgrid_key", `SG.${r62(22)}.${r62(43)}`],
  ["npm_token", `//registry.npmjs.org/:_authToken=npm_${r62(36)}`],
  ["huggingface_token", `hf_${randomFrom("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 34, 9)}`],
  ["pypi_token", `pypi-AgEIcHlwaS5vcmc${r62(60)}`],
  ["private_key", `-----BEGIN RSA PRIVATE KEY-----\n${r62(64)}\n${r62(64, 2)}\n-----END RSA PRIVATE KEY-----`],
  ["gcp_service_account", `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n${r62(64)}\\n"}`],
  ["jwt", `Authorization: Bearer ${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url('{"sub":"123","iat":1516239022}')}.${r62(43)}`],
  ["url_credentials", `DATABASE_URL=postgres://app:${r62(16)}@db.internal:5432/app`],
  ["url_credentials", `mongodb+srv://admin:${r62(12)}@cluster0.mongodb.net/test`],
  ["url_credentials", `redis://:${r62(20)}@cache:6379`],
  ["generic_secret", `db_password = "${r62(14)}"`],
  ["generic_secret", `"client_secret": "${r62(32)}"`],
  ["generic_secret", `aws_secret_access_key = ${r62(40)}`],
];

const negatives: readonly string[] = [
  "sk-...",
  "OPENAI_API_KEY=sk-your-key-here",
  `ghp_${"x".repeat(36)}`,
  "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
  "api_key = <your-key>",
  "API_KEY=YOUR_API_KEY",
  'password = "${DB_PASSWORD}"',
  "password = os.environ['DB_PASSWORD']",
  `commit = ${rhex(40)}`,
  `sha256: ${rhex(64)}`,
  `request_id = "${rhex(8)}-${rhex(4)}-${rhex(4)}-${rhex(4)}-${rhex(12)}"`,
  `token = "abcdefghijklmnopqrstuvwxyz0123456789"`,
  `${b64url('"not":"json"')}.${b64url("nothing")}.${r62(20)}`,
  "https://example.com/path?x=1",
  "postgres://user:password@localhost/db",
  "const tokenizer = new Tokenizer(options);",
  "if (password.length < 8) throw new Error('too short');",
  "const secretKey = process.env.SECRET_KEY;",
  `-----BEGIN OPENSSH PRIVATE KEY----------END OPENSSH PRIVATE KEY-----`,
  "xoxb-your-bot-token",
  "Slack tokens start with xoxb- and GitHub tokens with ghp_.",
];

describe("secret detectors: true positives", () => {
  it.each(positives)("%s detects its key", (detector, text) => {
    expect(detectorsOf(text)).toContain(detector);
  });

  it("reports the key's span in the original text", () => {
    const key = `sk_live_${r62(24, 11)}`;
    const text = `stripe: ${key} (prod)`;
    const f = scanSecrets(text).find((x) => x.detector === "stripe_key");
    expect(f && text.slice(f.start, f.end)).toBe(key);
    expect(f?.category).toBe("secrets");
  });

  it("gives a valid GitHub checksum confidence 1 and a broken one less", () => {
    const good = githubToken(5);
    const bad = good.slice(0, -1) + (good.endsWith("A") ? "B" : "A");
    expect(scanSecrets(good).find((f) => f.detector === "github_token")?.confidence).toBe(1);
    expect(scanSecrets(bad).find((f) => f.detector === "github_token")?.confidence).toBeLessThan(1);
  });

  it("scores Stripe test keys lower than live keys", () => {
    const test = scanSecrets(`sk_test_${r62(24)}`).find((f) => f.detector === "stripe_key");
    expect(test?.confidence).toBeLessThan(0.9);
  });
});

describe("secret detectors: false-positive guards", () => {
  it.each(negatives.map((n) => [n]))("does not flag %s", (text) => {
    expect(scanSecrets(text)).toEqual([]);
  });
});

describe("secret detectors: obfuscated keys", () => {
  const key = githubToken(9);

  it("finds a key with zero-width characters inside and covers them in the span", () => {
    const hidden = key.slice(0, 6) + "\u200B" + key.slice(6, 20) + "\u2060" + key.slice(20);
    const text = `here: ${hidden} !`;
    const f = scanSecrets(text).find((x) => x.detector === "github_token");
    expect(f && text.slice(f.start, f.end)).toBe(hidden);
  });

  it("finds a key whose prefix uses Cyrillic homoglyphs", () => {
    const aws = `AKIA${randomFrom("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, 21)}`;
    const text = `id=${aws.replace("A", "А").replace("K", "К")}`;
    expect(detectorsOf(text)).toContain("aws_access_key");
  });

  it("finds a base64-encoded key and reports the whole encoded span", () => {
    const encoded = btoa(`my token is ${key}`);
    const text = `payload ${encoded} end`;
    const f = scanSecrets(text).find((x) => x.detector === "github_token");
    expect(f && text.slice(f.start, f.end)).toBe(encoded);
  });

  it("finds a URL-encoded connection string password", () => {
    const text = `url=postgres%3A%2F%2Fapp%3A${r62(16, 31)}%40db%3A5432%2Fx`;
    expect(detectorsOf(text)).toContain("url_credentials");
  });
});
