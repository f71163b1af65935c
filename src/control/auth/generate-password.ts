import { bytesToBase62 } from "../../tokens/base62";

/**
 * A password for an admin to hand over (a new account, a reset): base62 of 18 random bytes, about 24 characters
 * and 107 bits — far above the 12-character minimum, and free of characters that get mangled when copied.
 */
export function generatePassword(): string {
  return bytesToBase62(crypto.getRandomValues(new Uint8Array(18)));
}
