import type { Detector } from "../types";
import { gatedDetector, type Candidate } from "./rule";

const BEGIN = /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/g;
const END = /-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/g;

/**
 * Private key blocks. The finding spans BEGIN … END when an END marker follows, else the rest of the text (a truncated
 * key is still a leak). An empty block (BEGIN immediately followed by END) is a template, not a key.
 */
export const privateKeyDetector: Detector = gatedDetector("private_key", ["private key"], (text) => {
  const out: Candidate[] = [];
  for (const m of text.matchAll(BEGIN)) {
    const bodyStart = m.index + m[0].length;
    END.lastIndex = bodyStart;
    const end = END.exec(text);
    const bodyEnd = end ? end.index : text.length;
    const body = text.slice(bodyStart, bodyEnd).trim();
    if (body.length < 10 || body.includes("${")) continue; // empty, or a template that builds one
    const confidence = /^[A-Za-z0-9+/=\s:,-]{60,}$/.test(body) ? 1 : 0.85;
    out.push({ start: m.index, end: end ? end.index + end[0].length : text.length, confidence, label: "PRIVATE_KEY" });
  }
  return out;
});
