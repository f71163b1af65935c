import { describe, expect, it } from "vitest";
import type { Finding } from "../types";
import { mergeFindings } from "./merge";
import { redactText } from "./redact";
import { RedactionSession } from "./session";

function finding(text: string, value: string, label: string, confidence = 1, from = 0): Finding {
  const start = text.indexOf(value, from);
  if (start === -1) throw new Error(`value not in text: ${value}`);
  return { detector: label.toLowerCase(), category: "pii", label, start, end: start + value.length, confidence };
}

describe("redactText", () => {
  it("replaces spans with typed, numbered placeholders", () => {
    const s = "mail a@x.com or b@y.org, card 4111111111111111";
    const out = redactText(
      s,
      [finding(s, "a@x.com", "EMAIL"), finding(s, "b@y.org", "EMAIL"), finding(s, "4111111111111111", "CARD")],
      new RedactionSession(),
    );
    expect(out).toBe("mail [EMAIL_1] or [EMAIL_2], card [CARD_1]");
  });

  it("gives the same value the same placeholder across messages, chunks, case and separators", () => {
    const session = new RedactionSession();
    const m1 = "I am a@x.com";
    const m2 = "again A@X.COM and c@z.net";
    const m3 = "card 4111-1111-1111-1111 = 4111 1111 1111 1111";
    expect(redactText(m1, [finding(m1, "a@x.com", "EMAIL")], session)).toBe("I am [EMAIL_1]");
    expect(redactText(m2, [finding(m2, "A@X.COM", "EMAIL"), finding(m2, "c@z.net", "EMAIL")], session)).toBe(
      "again [EMAIL_1] and [EMAIL_2]",
    );
    const cards = [finding(m3, "4111-1111-1111-1111", "CARD"), finding(m3, "4111 1111 1111 1111", "CARD")];
    expect(redactText(m3, cards, session)).toBe("card [CARD_1] = [CARD_1]");
    expect(session.size).toBe(3);
  });

  it("numbers each request from 1 and keeps labels from secrets findings", () => {
    const s = "key AKIAIOSFODNN7EXAMPLE";
    const f: Finding = { ...finding(s, "AKIAIOSFODNN7EXAMPLE", "AWS_KEY"), category: "secrets" };
    expect(redactText(s, [f], new RedactionSession())).toBe("key [AWS_KEY_1]");
    expect(redactText(s, [f], new RedactionSession())).toBe("key [AWS_KEY_1]");
  });

  it("returns the text unchanged without findings and ignores out-of-range spans", () => {
    const s = "nothing here";
    const bogus: Finding = { detector: "x", category: "pii", label: "X", start: 5, end: 99, confidence: 1 };
    expect(redactText(s, [], new RedactionSession())).toBe(s);
    expect(redactText(s, [bogus], new RedactionSession())).toBe(s);
  });
});

describe("mergeFindings", () => {
  it("prefers the higher-confidence finding on the same digits", () => {
    const s = "SSN 123-45-6789";
    const merged = mergeFindings([finding(s, "123-45-6789", "PHONE", 0.75), finding(s, "123-45-6789", "SSN", 0.99)]);
    expect(merged.map((f) => f.label)).toEqual(["SSN"]);
  });

  it("widens the winner so a partially overlapping span does not leak", () => {
    const s = "Address: 12 Main St, Springfield 12345";
    const merged = mergeFindings([
      finding(s, "12 Main St", "ADDRESS", 0.6),
      finding(s, "12 Main St, Springfield 12345", "ADDRESS", 0.6),
      finding(s, "Springfield 12345", "LOCATION", 0.5),
    ]);
    expect(merged).toHaveLength(1);
    expect(s.slice(merged[0]?.start, merged[0]?.end)).toBe("12 Main St, Springfield 12345");
  });

  it("keeps disjoint findings in text order and merges chains into one span", () => {
    const s = "aaa bbb ccc ddd";
    const a = finding(s, "aaa bbb", "A", 0.9);
    const c = finding(s, "ccc ddd", "C", 0.9);
    expect(mergeFindings([c, a]).map((f) => f.label)).toEqual(["A", "C"]);
    const bridge = finding(s, "bbb ccc", "B", 0.5);
    const merged = mergeFindings([a, c, bridge]);
    expect(merged).toHaveLength(1);
    expect(s.slice(merged[0]?.start, merged[0]?.end)).toBe("aaa bbb ccc ddd");
  });

  it("redacts a merged overlap once", () => {
    const s = "SSN 123-45-6789 ok";
    const out = redactText(
      s,
      [finding(s, "123-45-6789", "PHONE", 0.75), finding(s, "123-45-6789", "SSN", 0.99)],
      new RedactionSession(),
    );
    expect(out).toBe("SSN [SSN_1] ok");
  });
});
