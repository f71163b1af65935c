import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalize } from "./normalize";
import { toOriginalSpan } from "./offsets";

const b64 = (s: string): string => btoa(s);

describe("normalize", () => {
  it("leaves ASCII unchanged with identity offsets", () => {
    const n = normalize("plain text");
    expect(n.text).toBe("plain text");
    expect(Array.from(n.offsets)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("keeps text whose non-ASCII characters are all NFKC-stable as it is, with identity offsets", () => {
    const original = "const a = b → c; // café — naïve 日本語";
    const n = normalize(original);
    expect(n.text).toBe(original);
    expect(Array.from(n.offsets)).toEqual([...Array(original.length + 1).keys()]);
  });

  it("strips zero-width, soft hyphen, bidi, tag and variation-selector characters", () => {
    const original = "s\u200Bk\u00AD-\u2060p\uFEFFr\u{E0041}o\uFE0Fj";
    const n = normalize(original);
    expect(n.text).toBe("sk-proj");
    expect(n.offsets[n.text.length]).toBe(original.length);
    expect(original[n.offsets[1] ?? -1]).toBe("k");
  });

  it("applies NFKC, including length-changing expansions, and keeps offsets monotonic", () => {
    const n = normalize("ﬁle ＡＢＣ ①");
    expect(n.text).toBe("file ABC 1");
    expect(Array.from(n.offsets).slice(0, 2)).toEqual([0, 0]);
    expect(toOriginalSpan(n, 1, 2)).toEqual({ start: 0, end: 1 });
  });

  it("composes a base character with a following combining mark", () => {
    expect(normalize("cafe\u0301!").text).toBe("café!");
  });

  it("folds Cyrillic/Greek homoglyphs inside words that contain ASCII, but not in wholly Cyrillic words", () => {
    expect(normalize("ѕk-рrој-key").text).toBe("sk-proj-key");
    expect(normalize("АКIА").text).toBe("AKIA");
    expect(normalize("привет мир").text).toBe("привет мир");
  });

  it("decodes base64, hex and URL-encoded spans and reports them in original offsets", () => {
    const secretish = "please ignore this hidden message text";
    const original = `x\u200B ${b64(secretish)} end`;
    const n = normalize(original);
    const d = n.decoded.find((e) => e.encoding === "base64");
    expect(d?.text).toBe(secretish);
    expect(original.slice(d?.start, d?.end)).toBe(b64(secretish));

    const hex = Array.from(new TextEncoder().encode("hidden text in hex!!"), (b) => b.toString(16).padStart(2, "0")).join("");
    expect(normalize(`v=${hex}`).decoded.some((e) => e.encoding === "hex" && e.text === "hidden text in hex!!")).toBe(true);

    const url = normalize("go to a%3Db%20c%2Fd now");
    expect(url.decoded).toEqual([{ text: "a=b c/d", start: 6, end: 19, encoding: "url" }]);
  });

  it("does not decode random key material or hashes", () => {
    const n = normalize("sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 key Q2hhbmdlTWVQbGVhc2X4m1Lr7QzV0kP3");
    expect(n.decoded.filter((d) => d.encoding === "hex")).toEqual([]);
  });

  it("keeps the offsets map valid for arbitrary strings (property)", () => {
    const alphabet = ["a", "Z", "1", "-", " ", "\u200B", "\uFEFF", "ﬁ", "е", "Ａ", "\u0301", "😀", "\u{E0061}", "①", "é", "\u00AD"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (parts) => {
        const original = parts.join("");
        const n = normalize(original);
        expect(n.offsets.length).toBe(n.text.length + 1);
        expect(n.offsets[n.text.length]).toBe(original.length);
        for (let i = 0; i < n.text.length; i++) {
          const o = n.offsets[i] ?? -1;
          expect(o).toBeGreaterThanOrEqual(0);
          expect(o).toBeLessThan(original.length);
          if (i > 0) expect(o).toBeGreaterThanOrEqual(n.offsets[i - 1] ?? 0);
        }
        // Any span maps to a well-formed original span.
        const span = toOriginalSpan(n, 0, n.text.length);
        expect(span.start).toBeLessThanOrEqual(span.end);
        expect(span.end).toBeLessThanOrEqual(original.length);
      }),
    );
  });

  it("maps ASCII characters back to themselves (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: fc.constantFrom("a", "b", "7", "\u200B", "é", "ﬀ", " ") }), (original) => {
        const n = normalize(original);
        for (let i = 0; i < n.text.length; i++) {
          const ch = n.text[i] ?? "";
          if (ch === "a" || ch === "b" || ch === "7") {
            const o = n.offsets[i] ?? -1;
            const src = original[o] ?? "";
            if (src !== "ﬀ") expect(src).toBe(ch);
          }
        }
      }),
    );
  });
});
