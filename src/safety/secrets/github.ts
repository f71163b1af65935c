import type { Detector } from "../types";
import { isPlaceholder } from "./guards";
import { gatedDetector, type Candidate } from "./rule";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const TOKEN = /(?<![A-Za-z0-9])(gh[pousr]_[A-Za-z0-9]{36})(?![A-Za-z0-9])/g;
const CRC_TABLE = buildCrcTable();

function buildCrcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

function crc32(s: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < s.length; i++) crc = (CRC_TABLE[(crc ^ s.charCodeAt(i)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The 6-character base62 checksum GitHub appends: CRC32 of the 30 random characters, zero-padded. */
export function githubChecksum(random30: string): string {
  let n = crc32(random30);
  let out = "";
  while (n > 0) {
    out = (BASE62[n % 62] ?? "0") + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(6, "0");
}

/**
 * GitHub tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`). A valid checksum makes the match near-certain; a failing one
 * is still token-shaped (old or hand-made tokens) and is reported with lower confidence rather than dropped.
 */
export const githubTokenDetector: Detector = gatedDetector("github_token", ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], (text) => {
  const out: Candidate[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const token = m[1] ?? m[0];
    const body = token.slice(4);
    if (isPlaceholder(body)) continue;
    const valid = githubChecksum(body.slice(0, 30)) === body.slice(30);
    out.push({ start: m.index, end: m.index + token.length, confidence: valid ? 1 : 0.75, label: "GITHUB_TOKEN" });
  }
  return out;
});
