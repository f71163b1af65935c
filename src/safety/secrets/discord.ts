import type { Detector } from "../types";
import { isPlaceholder } from "./guards";
import { gatedDetector, type Candidate } from "./rule";

// A bot token: base64 user id (starts M/N/O; up to two stray characters may precede it), `.`, 6-character timestamp,
// `.`, HMAC. The `.XXXXXX.` middle is the only fixed part, so it is found first (a search that starts with a literal
// is cheap) and the whole token is then tried at the few positions where it could start.
const MIDDLE = /\.[A-Za-z\d_-]{6}\./g;
const TOKEN = /(?<![A-Za-z0-9])(?:[A-Za-z\d_-]{0,2})[MNO][A-Za-z\d_-]{23,25}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,38}(?![A-Za-z0-9])/y;

/** Discord bot tokens. */
export const discordTokenDetector: Detector = gatedDetector("discord_token", ["."], (text) => {
  const out: Candidate[] = [];
  let lastEnd = 0;
  MIDDLE.lastIndex = 0;
  for (let m = MIDDLE.exec(text); m !== null; m = MIDDLE.exec(text)) {
    MIDDLE.lastIndex = m.index + 1; // a middle's closing dot may open the next candidate
    for (let start = Math.max(lastEnd, m.index - 28); start <= m.index - 24; start++) {
      TOKEN.lastIndex = start;
      const t = TOKEN.exec(text);
      if (t === null || t.index !== start) continue;
      if (!isPlaceholder(t[0])) out.push({ start, end: start + t[0].length, confidence: 0.8, label: "DISCORD_TOKEN" });
      lastEnd = start + t[0].length;
      break;
    }
  }
  return out;
});
