import type { Detector, Finding, NormalizedText } from "../types";
import { contextBefore, piiFinding } from "./finding";

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
// Four valid octets, not embedded in a longer dotted number (OIDs, 1.2.3.4.5 version strings).
const IPV4 = new RegExp(`(?<![\\d.])(?:${OCTET}\\.){3}${OCTET}(?![\\d]|\\.\\d)`, "g");
// Hex groups and colons; shape rules are checked in code because a single IPv6 regex is unreadable.
const IPV6_CANDIDATE = /(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])/y;
const VERSION_WORDS = ["version", "ver.", " v", "release", "build", "sdk", "@", "=="];

/**
 * IPv4 and IPv6 addresses. Dotted quads right after a version-ish word ("version 1.2.3.4", "pkg@1.2.3.4") are
 * version numbers, not hosts, and are skipped.
 */
export const ipAddressDetector: Detector = {
  name: "ip_address",
  category: "pii",
  scan(input: NormalizedText): Finding[] {
    const text = input.text;
    const findings: Finding[] = [];
    if (/\d\.\d/.test(text)) {
      for (const match of text.matchAll(IPV4)) {
        if (contextBefore(text, match.index, VERSION_WORDS, 12)) continue;
        findings.push(piiFinding(input, "ip_address", "IP", match.index, match.index + match[0].length, 0.9));
      }
    }
    if (mayHoldIpv6(text)) {
      let lastEnd = 0;
      for (const at of ipv6Starts(text)) {
        if (at < lastEnd) continue;
        IPV6_CANDIDATE.lastIndex = at;
        const match = IPV6_CANDIDATE.exec(text);
        if (match === null) continue;
        lastEnd = at + match[0].length;
        if (!validIpv6(match[0])) continue;
        findings.push(piiFinding(input, "ip_address", "IP", match.index, match.index + match[0].length, 0.9));
      }
    }
    return findings;
  },
};

/**
 * Cheap gate for the IPv6 regex (which, able to start with an empty group, is tried at every position): every valid
 * candidate has a "::" or a colon between two hex digits, and a digit.
 */
function mayHoldIpv6(text: string): boolean {
  for (let i = text.indexOf(":"); i !== -1; i = text.indexOf(":", i + 1)) {
    const after = text.charCodeAt(i + 1);
    if (after === 58 || (isHexDigit(text.charCodeAt(i - 1)) && isHexDigit(after))) return true;
  }
  return false;
}

/**
 * Where an IPv6 candidate can start, ascending: it has a second colon at most 5 characters after its first, and up to
 * four hex digits before that first colon. Trying the sticky regex only there replaces a search from every position.
 */
function ipv6Starts(text: string): number[] {
  const out: number[] = [];
  for (let q = text.indexOf(":"); q !== -1; q = text.indexOf(":", q + 1)) {
    const next = text.indexOf(":", q + 1);
    if (next === -1) break;
    if (next - q > 5) continue;
    for (let k = Math.min(4, q); k >= 0; k--) if (out.length === 0 || (out[out.length - 1] ?? -1) < q - k) out.push(q - k);
  }
  return out;
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Eight groups, or fewer with exactly one "::"; at least one digit so `dead::beef`-style code tokens don't count. */
function validIpv6(candidate: string): boolean {
  const doubleColons = candidate.split("::").length - 1;
  if (doubleColons > 1 || !/\d/.test(candidate)) return false;
  const groups = candidate.split(":").filter((g) => g !== "");
  if (doubleColons === 0) return groups.length === 8 && !candidate.startsWith(":") && !candidate.endsWith(":");
  return groups.length >= 2 && groups.length <= 7;
}
