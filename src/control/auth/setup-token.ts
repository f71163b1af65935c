import { authRefuse, type AuthRefusal } from "./auth-refusal";

/** Shorter setup tokens are treated as not configured: the setup flow is public, its token must not be guessable. */
export const SETUP_TOKEN_MIN_LENGTH = 32;

/**
 * The one-time setup flow is open only on deployments that set the `IRON_SETUP_TOKEN` secret (at least 32
 * characters), and only to callers presenting it. Compared in constant time: both sides are hashed to 32 bytes
 * first, so neither the content nor the length of the secret leaks through timing.
 */
export async function checkSetupToken(env: Env, presented: string): Promise<AuthRefusal | null> {
  const secret: unknown = env.IRON_SETUP_TOKEN;
  if (typeof secret !== "string" || secret.length < SETUP_TOKEN_MIN_LENGTH) {
    return authRefuse("SETUP_DISABLED", "The setup flow is not enabled on this deployment: create the first admin with the IRON_ADMIN_EMAIL and IRON_ADMIN_PASSWORD secrets, or set IRON_SETUP_TOKEN (at least 32 random characters).");
  }
  const [a, b] = await Promise.all([sha256(presented), sha256(secret)]);
  if (!crypto.subtle.timingSafeEqual(a, b)) return authRefuse("INVALID_CREDENTIALS", "Wrong setup token.");
  return null;
}

async function sha256(text: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
}
