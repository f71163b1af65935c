import { describe, expect, it } from "vitest";
import { paymentCardDetector } from "./card";
import { ibanMod97Valid, luhnValid } from "./checksums";
import { ibanDetector } from "./iban";
import { ssnDetector } from "./ssn";
import { plain, spans } from "./test-helpers";

const cards = (s: string) => spans(s, paymentCardDetector.scan(plain(s)));
const ibans = (s: string) => spans(s, ibanDetector.scan(plain(s)));
const ssns = (s: string) => spans(s, ssnDetector.scan(plain(s)));

describe("checksums", () => {
  it("Luhn accepts valid and rejects off-by-one numbers", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(luhnValid("")).toBe(false);
  });
  it("mod-97 accepts registry examples and rejects a changed digit", () => {
    expect(ibanMod97Valid("DE89370400440532013000")).toBe(true);
    expect(ibanMod97Valid("GB82WEST12345698765432")).toBe(true);
    expect(ibanMod97Valid("GB82WEST12345698765433")).toBe(false);
  });
});

describe("payment cards", () => {
  it("finds Luhn-valid numbers of known networks, plain or grouped", () => {
    expect(cards("card 4111111111111111 please")).toEqual(["4111111111111111"]);
    expect(cards("Visa: 4111 1111 1111 1111.")).toEqual(["4111 1111 1111 1111"]);
    expect(cards("amex 3782-822463-10005")).toEqual(["3782-822463-10005"]);
    expect(cards("pay with 5500-0000-0000-0004 now")).toEqual(["5500-0000-0000-0004"]);
  });
  it("rejects bad Luhn, unknown prefixes, odd grouping and digits inside longer tokens", () => {
    expect(cards("card 4111111111111112")).toEqual([]);
    expect(cards("order 9111111111111113")).toEqual([]); // Luhn-valid, no such network
    expect(cards("0000 0000 0000 0000")).toEqual([]);
    expect(cards("41 1111 11111 11111")).toEqual([]);
    expect(cards("IBAN GB90YNTU67299444055881")).toEqual([]);
    expect(cards("id 41111111111111110")).toEqual([]); // 17 digits, Visa has none
  });
  it("accepts 12-digit Maestro numbers only next to a card word", () => {
    expect(cards("my card number is 675984103431")).toEqual(["675984103431"]);
    expect(cards("ticket 675984103431")).toEqual([]);
  });
});

describe("IBAN", () => {
  it("finds compact, spaced and lower-case IBANs", () => {
    expect(ibans("IBAN DE89370400440532013000.")).toEqual(["DE89370400440532013000"]);
    expect(ibans("to GB82 WEST 1234 5698 7654 32 and back")).toEqual(["GB82 WEST 1234 5698 7654 32"]);
    expect(ibans("my iban is gb82west12345698765432")).toEqual(["gb82west12345698765432"]);
  });
  it("rejects wrong check digits, wrong length and unknown countries", () => {
    expect(ibans("GB82WEST12345698765433")).toEqual([]);
    expect(ibans("GB82WEST1234569876543")).toEqual([]);
    expect(ibans("ZZ82WEST12345698765432")).toEqual([]);
    expect(ibans("sha DE89370400440532013000ABC")).toEqual([]);
  });
});

describe("US SSN", () => {
  it("finds dashed SSNs and keyword-led bare or spaced ones", () => {
    expect(ssns("Here's my SSN: 460-89-9847")).toEqual(["460-89-9847"]);
    expect(ssns("id 123-45-6789 on file")).toEqual(["123-45-6789"]);
    expect(ssns("social security number 123456789")).toEqual(["123456789"]);
    expect(ssns("SSN 123 45 6789")).toEqual(["123 45 6789"]);
  });
  it("rejects invalid ranges, bare numbers without context and longer numbers", () => {
    for (const bad of ["000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000"]) {
      expect(ssns(`SSN ${bad}`)).toEqual([]);
    }
    expect(ssns("order 123456789 shipped")).toEqual([]);
    expect(ssns("licence 2270-66-1551")).toEqual([]);
    expect(ssns("ref 123-45-6789-01")).toEqual([]);
  });
});
