/** The HS256 key for access tokens, from the `IRON_JWT_SECRET` Workers Secret: at least 32 bytes (UTF-8), else null. */
export const JWT_SECRET_MIN_BYTES = 32;

export function loadJwtKey(env: Pick<Env, "IRON_JWT_SECRET">): Uint8Array | null {
  const secret: unknown = env.IRON_JWT_SECRET;
  if (typeof secret !== "string") return null;
  const bytes = new TextEncoder().encode(secret);
  return bytes.byteLength >= JWT_SECRET_MIN_BYTES ? bytes : null;
}
