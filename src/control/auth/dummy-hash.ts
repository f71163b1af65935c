import { verifyPassword } from "./password-hash";

/**
 * A hash of a random password nobody knows, made with today's parameters. Verifying against it costs the same
 * as a real verify, so "no such user" takes as long as "wrong password". Regenerate it when SCRYPT_PARAMS change
 * (the password-hash test checks that it uses them).
 */
export const DUMMY_HASH = "scrypt$16384$8$5$wJESiAa81ODAjo9ni1qHmg$DxxzQdbo6utCRyrUfvYdXEOuZHzFaqcE4LBxXI5YoDQ";

/** Spends one scrypt verify and returns false. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(password, DUMMY_HASH);
  return false;
}
