import type { SseEvent } from "../providers/types";

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * One event in wire form: `event:` (if named), one `data:` line per data line, blank line.
 * Line breaks inside `event` are removed so a name can never inject fields or events; `\r\n` and
 * `\r` inside `data` become separate `data:` lines (a parser rejoins them with `\n`).
 */
export function serializeSseEvent(e: SseEvent): string {
  let out = "";
  if (e.event !== undefined && e.event !== "") {
    out += `event: ${e.event.replace(/[\r\n]/g, "")}\n`;
  }
  for (const line of e.data.split(LINE_BREAK)) {
    out += `data: ${line}\n`;
  }
  return `${out}\n`;
}
