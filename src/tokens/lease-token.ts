import { bigintToBase62, bytesToBase62, isBase62 } from "./base62";
import { crc32 } from "./crc32";

/**
 * Lease tokens: `icl_<agent>_<random><checksum>`. The agent part routes the token to its agent's budget object
 * without any lookup; the random part (32 bytes, base62) is the secret; the 6-char base62 CRC-32 of everything
 * before it rejects typos offline. Stored only as a SHA-256 hash, inside the agent's budget object.
 */
const PREFIX = "icl_";
const CHECKSUM_CHARS = 6;

export function generateLeaseToken(agentId: string): string {
  const body = `${PREFIX}${agentId.replace(/^agt_/, "")}_${bytesToBase62(crypto.getRandomValues(new Uint8Array(32)))}`;
  return body + bigintToBase62(BigInt(crc32(body)), CHECKSUM_CHARS);
}

/** The agent a well-formed lease token belongs to, or `null` (bad shape or checksum). */
export function leaseTokenAgent(token: string): string | null {
  if (!token.startsWith(PREFIX) || token.length > 160) return null;
  const parts = token.slice(PREFIX.length).split("_");
  const [agent, secret] = parts;
  if (parts.length !== 2 || agent === undefined || secret === undefined) return null;
  if (!isBase62(agent) || !isBase62(secret) || secret.length < 40 + CHECKSUM_CHARS) return null;
  const body = token.slice(0, -CHECKSUM_CHARS);
  if (bigintToBase62(BigInt(crc32(body)), CHECKSUM_CHARS) !== token.slice(-CHECKSUM_CHARS)) return null;
  return `agt_${agent}`;
}
