import type { Detector } from "../types";
import { gatedDetector, type Candidate } from "./rule";

// Header and payload are base64url JSON objects, so both start with `eyJ` ("{\""); the signature may be empty (alg none).
const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*)?/g;
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Decodes a base64url segment to a JSON object, or undefined. */
function decodeSegment(segment: string): unknown {
  try {
    const b64 = segment.replaceAll("-", "+").replaceAll("_", "/");
    const binary = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return JSON.parse(utf8.decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

/** JWTs, structure-checked: the header must decode to a JSON object naming an `alg` (or typ JWT), the payload to JSON. */
export const jwtDetector: Detector = gatedDetector("jwt", ["eyj"], (text) => {
  const out: Candidate[] = [];
  for (const m of text.matchAll(JWT)) {
    const [header = "", payload = "", signature] = m[0].split(".");
    const h = decodeSegment(header);
    if (typeof h !== "object" || h === null || !("alg" in h || "typ" in h)) continue;
    const p = decodeSegment(payload);
    if (typeof p !== "object" || p === null) continue;
    const confidence = signature !== undefined && signature.length >= 16 ? 0.95 : 0.8;
    out.push({ start: m.index, end: m.index + m[0].length, confidence, label: "JWT" });
  }
  return out;
});
