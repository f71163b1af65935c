import { describe, expect, it } from "vitest";
import { BASE62, randomFrom, scanSecrets } from "./test-helpers";

const value = randomFrom("abcdefghijklmnopqrstuvwxyz0123456789", 32, 77);
const mixed = randomFrom(BASE62, 30, 78);
const flagged = (text: string): boolean => scanSecrets(text).some((f) => f.detector === "generic_secret");

/** gitleaks' sample contexts (utils.GenerateSampleSecrets), around a random value under a `…Token` identifier. */
const contexts: readonly string[] = [
  `acmeToken="${value}"`, `acmeToken = ${value}`, `{\n    "acme_token": "${value}"\n}`,
  `\\{\n    \\"acme_token\\": \\"${value}\\"\n\\}`, `<acmeToken>\n    ${value}\n</acmeToken>`,
  `acme_token: |\n  ${value}`, `acme_token: >\n  ${value}`, `var acmeToken string = "${value}"`, `acmeToken := \`${value}\``,
  `$acmeToken .= "${value}"`, `acmeToken,${value},`, `  "acmeToken" => "${value}"`, `ACME_TOKEN ::= "${value}"`,
  `ACME_TOKEN ?= "${value}"`, `ACME_TOKEN += "${value}"`, `System.setProperty("ACME_TOKEN", "${value}")`,
  `{"config.ini": "ACME_TOKEN=${value}\\nBACKUP_ENABLED=true"}`, `creds = ${mixed}`,
];

const notSecrets: readonly string[] = [
  `<add key="Password" value="${mixed}" />`, // NuGet's encrypted field
  `<add key="ClearTextPassword" value="hal+9ooo_da!sY" />`, // Microsoft's documented example
  `pub const SN_id_Gost28147_89_None_KeyMeshing = "id-Gost28147-89-None-KeyMeshing"`,
  `telegram_api_token = "53110719:A8qzh5v5yu3ivhrha7j0bgwrqsifgj7xvx3-some-other-thing"`,
  "fn::secret: ops_eyJzaWduSW5B..[Redacted]",
  "|| pIdxKey->default_rc==0",
  'if (password !== "string") return;',
  'chat(agent.token, "gpt-4o-mini-2024")',
  "import { countTokens, utf8Length } from \"./tokens\";",
  "function load(env: Pick<Env, \"IRON_JWT_SECRET\">): Uint8Array | null {",
  'current_password: "not my password!"',
  'apiKey: "sk-ant-api03-SECRET"',
  'token: "[OPENAI_KEY_1]"',
  "password: !vault |",
  "const re = /scrypt|password|session_version/;",
  'name: "password-stdin", prompt: "Password: "',
  "auth_server = 192.168.1.100",
  "PASSWORD=\nDB_HOST=localhost",
  `csrf_token = "${value}"`,
  `"token3": "xoxp-1234-1234-1234-${value}"`,
  '"token4": "xoxp-572370529330-573807301142-572331691188-####################"',
];

describe("generic secrets: assignment shapes", () => {
  it.each(contexts.map((c) => [c]))("finds the value in %s", (text) => {
    expect(flagged(text)).toBe(true);
  });

  it("reports the value only, not the escape that ends it inside a JSON string", () => {
    const text = `{"config.ini": "ACME_TOKEN=${value}\\nNEXT=1"}`;
    const f = scanSecrets(text).find((x) => x.detector === "generic_secret");
    expect(f && text.slice(f.start, f.end)).toBe(value);
  });
});

describe("generic secrets: code and documentation are not secrets", () => {
  it.each(notSecrets.map((n) => [n]))("does not flag %s", (text) => {
    expect(flagged(text)).toBe(false);
  });
});
