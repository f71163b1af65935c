import { describe, expect, it } from "vitest";
import { streetAddressDetector } from "./address";
import { piiDetectors } from "./index";
import { personNameDetector } from "./person";
import { plain, spans } from "./test-helpers";

const names = (s: string) => spans(s, personNameDetector.scan(plain(s)));
const addresses = (s: string) => spans(s, streetAddressDetector.scan(plain(s)));

describe("person names (context only)", () => {
  it("finds names after naming cues", () => {
    expect(names("Hi, my name is John Smith and I need help")).toEqual(["John Smith"]);
    expect(names("Name: Toshimi Arata\nPhone: 1")).toEqual(["Toshimi Arata"]);
    expect(names("Please ask Mrs. Ada J. Lovelace")).toEqual(["Ada J. Lovelace"]);
  });
  it("finds the cue wherever its anchor word sits (the cue is searched only around its keywords)", () => {
    expect(names("Their account name is Maria Lopez.")).toEqual(["Maria Lopez"]);
    expect(names("My partner's name is Kai Sato.")).toEqual(["Kai Sato"]);
    expect(names("The new intern was called Priya Nair.")).toEqual(["Priya Nair"]);
    expect(names("Best regards,\nJonas Berg")).toEqual([]); // "regards" is lower case: not the sign-off cue
    expect(names("Kind Regards,\nJonas Berg")).toEqual(["Jonas Berg"]);
    expect(names("a huMr. Smith")).toEqual([]); // "Mr" inside a word is not a title
  });
  it("ignores capitalised words without a cue and generic salutations", () => {
    expect(names("Paris Hilton Hotel is near Main Station")).toEqual([]);
    expect(names("Dear Sir, the file is named config.json")).toEqual([]);
  });
});

describe("street addresses (context only)", () => {
  it("finds number + street type, and cued lines with a digit", () => {
    expect(addresses("She lives at 123 Main Street, Apt 4B in town")).toContain("123 Main Street, Apt 4B");
    expect(addresses("Address: 9554 62 Rue Gafsa Apt. 981\nToronto")).toEqual(["9554 62 Rue Gafsa Apt. 981"]);
  });
  it("finds cued addresses at any of the cue words", () => {
    expect(addresses("Please ship to 77 Rue de Rivoli, Paris.")).toEqual(["77 Rue de Rivoli, Paris"]);
    expect(addresses("The office is at Kungsgatan 12 in Stockholm;")).toEqual(["Kungsgatan 12 in Stockholm"]);
  });
  it("ignores places without a number and numbers without a street", () => {
    expect(addresses("She lives at the end of the road in Paris.")).toEqual([]);
    expect(addresses("We sold 300 Red Apples today")).toEqual([]);
  });
});

describe("piiDetectors", () => {
  it("are all category pii with unique names, and map offsets to the original text", () => {
    expect(new Set(piiDetectors.map((d) => d.name)).size).toBe(piiDetectors.length);
    expect(piiDetectors.every((d) => d.category === "pii")).toBe(true);
    // Normalised text drops a zero-width space inside the email; the finding must cover it in the original.
    const original = "mail a\u200Bb@corp.com now";
    const text = "mail ab@corp.com now";
    const offsets = [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21];
    const finding = piiDetectors.find((d) => d.name === "email")?.scan({ original, text, offsets, decoded: [] })[0];
    expect(original.slice(finding?.start, finding?.end)).toBe("a\u200Bb@corp.com");
  });
});
