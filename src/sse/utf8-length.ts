/**
 * UTF-8 byte length of `text` without allocating. A surrogate pair counts 4 bytes (2 per half);
 * a lone surrogate counts 2 (it would encode as U+FFFD, 3 bytes: close enough for a bound).
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800 || (c >= 0xd800 && c <= 0xdfff)) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}
