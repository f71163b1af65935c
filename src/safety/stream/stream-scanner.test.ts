import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SAFETY } from "../../policies/policy-schema";
import { scanText } from "../pipeline/scan-text";
import type { CategoryActions } from "../pipeline/types";
import { redactText } from "../redact/redact";
import { RedactionSession } from "../redact/session";
import { BASE62, randomFrom } from "../secrets/test-helpers";
import { createStreamScanner, MAX_HOLD_CHARS } from "./stream-scanner";
import { streamPolicy, type StreamPolicy } from "./stream-policy";

const policyOf = (actions: CategoryActions): StreamPolicy => {
  const policy = streamPolicy(actions);
  if (policy === null) throw new Error("policy is off");
  return policy;
};
const REDACT = policyOf(DEFAULT_SAFETY.output);
// Fake credentials, assembled at run time so no key-shaped literal sits in the repo.
const openaiKey = "sk-" + "proj-" + randomFrom(BASE62, 48, 11);
const awsKey = "AK" + "IA" + randomFrom("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, 5);
const email = "bob.smith" + "@" + "corp-mail.io";
const TEXT = `Sure, here is the config you asked for: ${openaiKey} and write to ${email} today.\nThe access id is ${awsKey} — keep it safe.`;

/** What the non-streaming path makes of the whole text: every redact-action finding masked. */
function redactedWhole(text: string, policy: StreamPolicy): string {
  const findings = scanText(text, policy.detectors).filter((f) => policy.actions[f.category] === "redact");
  return redactText(text, findings, new RedactionSession());
}

function streamed(chunks: readonly string[], policy = REDACT): { text: string; emits: string[]; blocked: boolean } {
  const scanner = createStreamScanner(policy, new RedactionSession());
  const emits: string[] = [];
  let blocked = false;
  for (const chunk of [...chunks.map((c) => scanner.push(c)), scanner.finish()]) {
    emits.push(chunk.emit);
    if (chunk.blocked !== null) blocked = true;
  }
  return { text: emits.join(""), emits, blocked };
}

const splitAt = (text: string, cuts: readonly number[]): string[] => {
  const sorted = [...new Set(cuts)].sort((a, b) => a - b);
  return [0, ...sorted].map((from, i) => text.slice(from, sorted[i] ?? text.length));
};

describe("createStreamScanner", () => {
  const expected = redactedWhole(TEXT, REDACT);

  it("the whole-text redaction masks all three values (sanity check of the fixture)", () => {
    expect(expected).toContain("[OPENAI_KEY_1]");
    expect(expected).toContain("[EMAIL_1]");
    expect(expected).toContain("[AWS_KEY_1]");
  });

  it("never forwards a secret in clear, for every 2-chunk split", () => {
    for (let i = 0; i <= TEXT.length; i++) {
      const out = streamed([TEXT.slice(0, i), TEXT.slice(i)]);
      expect(out.text, `split at ${i}`).toBe(expected);
      for (const value of [openaiKey, awsKey, email]) expect(out.text).not.toContain(value.slice(0, 8));
    }
  });

  it("never forwards a secret in clear, character by character and for random multi-chunk splits", () => {
    expect(streamed(TEXT.match(/[\s\S]/g) ?? []).text).toBe(expected);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: TEXT.length }), { maxLength: 12 }), (cuts) => {
        expect(streamed(splitAt(TEXT, cuts)).text).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("passes clean text unchanged and releases it word by word", () => {
    const clean = "The quick brown fox jumps over the lazy dog, twice.";
    const scanner = createStreamScanner(REDACT, new RedactionSession());
    expect(scanner.push("The quick brown fox").emit).toBe("The quick brown ");
    expect(scanner.push(" jumps over the lazy dog, twice.").emit).toBe("fox jumps over the lazy dog, ");
    expect(scanner.finish().emit).toBe("twice.");
    expect(streamed(splitAt(clean, [3, 9, 20])).text).toBe(clean);
  });

  it("uses one placeholder per value within the request", () => {
    const text = `mail ${email} or ${email.toUpperCase()} please`;
    expect(streamed(splitAt(text, [7, 20, 30])).text).toBe("mail [EMAIL_1] or [EMAIL_1] please");
  });

  it("holds a private key block whole, even past the cap", () => {
    const body = Array.from({ length: 12 }, (_, i) => randomFrom(BASE62, 64, i + 1)).join("\n");
    const marker = (edge: string): string => "-----" + edge + " PRIVATE" + " KEY-----";
    const block = `${marker("BEGIN")}\n${body}\n${marker("END")}`;
    const text = `here it is:\n${block}\nthat was all.`;
    const out = streamed(text.match(/[\s\S]{1,7}/g) ?? []);
    expect(out.text).toBe("here it is:\n[PRIVATE_KEY_1]\nthat was all.");
  });

  it("releases a long run without safe cuts in bounded steps", () => {
    const run = randomFrom("abcdef0123456789", 3000, 2).replace(/[0-9]/g, "x");
    const scanner = createStreamScanner(REDACT, new RedactionSession());
    let emitted = 0;
    for (const piece of run.match(/.{1,10}/g) ?? []) {
      emitted += scanner.push(piece).emit.length;
    }
    expect(emitted).toBeGreaterThan(3000 - MAX_HOLD_CHARS - 300);
    expect(emitted + scanner.finish().emit.length).toBe(3000);
  });

  it("blocks without emitting any part of the secret", () => {
    const policy = policyOf({ ...DEFAULT_SAFETY.output, secrets: "block" });
    for (let i = 0; i <= TEXT.length; i += 3) {
      const out = streamed([TEXT.slice(0, i), TEXT.slice(i)], policy);
      expect(out.blocked).toBe(true);
      expect(out.text).not.toContain(openaiKey.slice(0, 6));
    }
  });

  it("with warn/log only forwards every delta at once and still reports findings", () => {
    const policy = policyOf({ secrets: "warn", pii: "log", injection: "off" });
    const scanner = createStreamScanner(policy, new RedactionSession());
    const chunks = splitAt(TEXT, [30, 60, 90]);
    expect(chunks.map((c) => scanner.push(c).emit).join("") + scanner.finish().emit).toBe(TEXT);
    expect(new Set(scanner.findings().map((f) => f.category))).toEqual(new Set(["secrets", "pii"]));
  });
});
