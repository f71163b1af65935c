const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Base62 of an unsigned big-endian byte string (no padding). */
export function bytesToBase62(bytes: Uint8Array): string {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return bigintToBase62(value);
}

/** Base62 of a non-negative integer, left-padded with "0" to `width`. */
export function bigintToBase62(value: bigint, width = 0): string {
  let out = "";
  let rest = value;
  while (rest > 0n) {
    out = ALPHABET.charAt(Number(rest % 62n)) + out;
    rest /= 62n;
  }
  return out.padStart(Math.max(width, 1), "0");
}

export function isBase62(text: string): boolean {
  return /^[0-9A-Za-z]+$/.test(text);
}
