import { describe, expect, it } from "vitest";
import { emailDetector } from "./email";
import { ipAddressDetector } from "./ip";
import { phoneDetector } from "./phone";
import { plain, spans } from "./test-helpers";

const emails = (s: string) => spans(s, emailDetector.scan(plain(s)));
const phones = (s: string) => spans(s, phoneDetector.scan(plain(s)));
const ips = (s: string) => spans(s, ipAddressDetector.scan(plain(s)));

describe("email", () => {
  it("finds addresses in prose, mailto links and with plus tags", () => {
    expect(emails("What's your email? CarlESteffensen@einrot.com")).toEqual(["CarlESteffensen@einrot.com"]);
    expect(emails("<a href=\"mailto:jane.doe+news@mail.co.uk\">")).toEqual(["jane.doe+news@mail.co.uk"]);
    expect(emails("write to bob@startup.io.")).toEqual(["bob@startup.io"]);
  });
  it("ignores code-ish @ uses, URL credentials and hosts without a real TLD", () => {
    expect(emails("import x from '@scope/pkg'; @Component()")).toEqual([]);
    expect(emails("icon@2x.png and lodash@4.17.21 and main@index.js")).toEqual([]);
    expect(emails("ssh root@localhost; ping admin@server")).toEqual([]);
    expect(emails("https://user:hunter2@db.example.com/x")).toEqual([]);
  });
  it("gives documentation domains low confidence", () => {
    expect(emailDetector.scan(plain("user@example.com"))[0]?.confidence).toBeLessThan(0.6);
  });
});

describe("phone", () => {
  it("finds international, NANP and keyword-led national numbers", () => {
    expect(phones("Desk: +41 (0)96 471 07 95")).toEqual(["+41 (0)96 471 07 95"]);
    expect(phones("+1-984-182-0190 mobile")).toEqual(["+1-984-182-0190"]);
    expect(phones("reach (555) 234-5678 today")).toEqual(["(555) 234-5678"]);
    expect(phones("Phone: 0490 75 40 81")).toEqual(["0490 75 40 81"]);
    expect(phones("call me on 01.84.17.61.18?")).toEqual(["01.84.17.61.18"]);
    expect(phones("Fax: 345-899-3560x4587")).toEqual(["345-899-3560x4587"]);
  });
  it("ignores dates, versions, IPs, SSNs, ids and bare numbers without context", () => {
    expect(phones("call on 2023-05-12 or 12/05/2023")).toEqual([]);
    expect(phones("phone firmware 10.0.0.1 and 1.2.3")).toEqual([]);
    expect(phones("phone ssn 123-45-6789")).toEqual([]);
    expect(phones("order 0490 75 40 81 shipped")).toEqual([]);
    expect(phones("call id 1234567890123456789")).toEqual([]);
    expect(phones("build a1234-567-890")).toEqual([]);
  });
});

describe("IP address", () => {
  it("finds IPv4 and IPv6 addresses", () => {
    expect(ips("blocked 41.173.96.26 again")).toEqual(["41.173.96.26"]);
    expect(ips("from 6e40:4041:c617:e898:c11:40d2:c669:2eb4 ok")).toEqual(["6e40:4041:c617:e898:c11:40d2:c669:2eb4"]);
    expect(ips("link fe80::1ff:fe23:4567:890a")).toEqual(["fe80::1ff:fe23:4567:890a"]);
  });
  it("ignores invalid octets, versions, OIDs, times and C++ scopes", () => {
    expect(ips("999.1.1.1 and 1.2.3.4.5")).toEqual([]);
    expect(ips("version 1.2.3.4 and pkg@2.0.1.7")).toEqual([]);
    expect(ips("at 12:20:39, std::vector, MAC 00:1a:2b:3c:4d:5e")).toEqual([]);
  });
});
