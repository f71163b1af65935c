import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { fingerprint } from "../../crypto/envelope";
import type { AuditRow } from "./audit-record";
import { recordAudit } from "./batch-with-audit";
import { redactForAudit, secretKind } from "./redact";

const SECRETS = {
  provider: "sk-CANARY-provider-key-0123456789",
  agentToken: "ic_4fQ9xZpL2mN8vB6cR1tY7uH3kJ5sD0aW",
  apiToken: "apitok_Zx81Kq0LmN2pQ4rS6tU8vW0yA2cE4gI6",
  password: "correct horse battery staple",
  jwt: "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1c3JfMSJ9.c2lnbmF0dXJl",
  other: "s3cr3t-value-Q7",
};

const sample = {
  name: "prod agent",
  api_key: SECRETS.provider,
  apiKey: SECRETS.provider,
  password: SECRETS.password,
  new_password: SECRETS.password,
  token: SECRETS.agentToken,
  client_secret: SECRETS.other,
  key: { nested: SECRETS.other },
  providers: [{ id: "prov_1", accessToken: SECRETS.other, key_fingerprint: "0123456789abcdef", key_last4: "6789" }],
  headers: { Authorization: `Bearer ${SECRETS.jwt}` },
  note: `rotated after ${SECRETS.apiToken} leaked`,
  session: SECRETS.jwt,
  max_tokens: 1024,
  token_id: "atk_1",
  has_password: true,
  revoked_token: null,
};

describe("redactForAudit", () => {
  it("keeps no raw secret: secret fields and credential-shaped strings become fingerprints, passwords vanish", async () => {
    const redacted = await redactForAudit(sample);
    const text = JSON.stringify(redacted);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(text).not.toContain("CANARY");
    expect(redacted).toMatchObject({
      name: "prod agent",
      api_key: `fp:${await fingerprint(SECRETS.provider)}`,
      password: "[redacted]",
      new_password: "[redacted]",
      key: expect.stringMatching(/^fp:[0-9a-f]{16}$/) as unknown,
      providers: [{ id: "prov_1", accessToken: expect.stringMatching(/^fp:[0-9a-f]{16}$/) as unknown, key_fingerprint: "0123456789abcdef", key_last4: "6789" }],
      headers: { Authorization: expect.stringMatching(/^fp:/) as unknown },
      note: expect.stringMatching(/^fp:/) as unknown,
      session: expect.stringMatching(/^fp:/) as unknown,
      max_tokens: 1024,
      token_id: "atk_1",
      has_password: true,
      revoked_token: null,
    });
  });

  it("classifies field names", () => {
    const names = ["api_key", "apiKey", "x-api-key", "APIKey", "accesstoken", "refresh_token", "client_secret", "private_key", "Authorization", "cookie", "key"];
    for (const name of names) expect(secretKind(name), name).toBe("secret");
    for (const name of ["password", "passwordHash", "new_passphrase", "pwd"]) expect(secretKind(name), name).toBe("password");
    for (const name of ["max_tokens", "input_tokens", "monkey", "key_fingerprint", "token_id", "key_last4", "keyboard_layout", "name"]) expect(secretKind(name), name).toBeNull();
  });

  it("applies to what recordAudit stores", async () => {
    await recordAudit(env.DB, { actorId: "usr_1", actorRole: "admin", action: "provider.rotate_key", targetType: "provider", targetId: "prov_1", outcome: "ok", before: { api_key: SECRETS.provider }, after: sample });
    const stored = await env.DB.prepare("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1").first<AuditRow>();
    const text = JSON.stringify(stored);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(JSON.parse(stored?.before ?? "null")).toEqual({ api_key: `fp:${await fingerprint(SECRETS.provider)}` });
  });
});
