import { hashToken } from "../../tokens/opaque-token";

/**
 * The counters one login attempt is charged to (see login-throttle.ts for the policy):
 * - `account+network`: this account from this network — the tight limit, which only the guesser's own network hits;
 * - `account`: this account from anywhere — a loose limit against guessing spread over many networks; not charged
 *   from a network this account recently signed in from, so nobody can lock the owner out from elsewhere;
 * - `network`: every account from this network — against spraying one password over many accounts.
 * A network is an IPv4 address or an IPv6 /64 (one subscriber's allocation: rotating inside it gains nothing).
 * Keys are hashed: people type passwords into the email field.
 */
export const MAX_ATTEMPTS_PER_ACCOUNT_AND_NETWORK = 5;
export const MAX_ATTEMPTS_PER_ACCOUNT = 50;
export const MAX_ATTEMPTS_PER_NETWORK = 20;
/** A network counts as the owner's when a session of the account was started or refreshed from it this recently. */
export const FAMILIAR_NETWORK_MS = 30 * 24 * 60 * 60 * 1000;

export type ThrottleKind = "account_network" | "account" | "network";

export interface ThrottleKey {
  kind: ThrottleKind;
  key: string;
  limit: number;
}

export interface ThrottleSubject {
  /** Normalised email, whether or not an account has it. */
  email: string;
  ip: string | null;
}

export async function throttleKeys(env: Env, who: ThrottleSubject): Promise<ThrottleKey[]> {
  const network = who.ip === null || who.ip.trim() === "" ? null : networkOf(who.ip.trim());
  const keys: ThrottleKey[] = [{ kind: "account_network", key: await hashToken(`account+network:${who.email}|${network ?? "-"}`), limit: MAX_ATTEMPTS_PER_ACCOUNT_AND_NETWORK }];
  if (network === null) return keys; // no address (local calls): the per-account limit is all there is
  if (!(await familiarNetwork(env, who.email, who.ip?.trim() ?? ""))) keys.push({ kind: "account", key: await hashToken(`account:${who.email}`), limit: MAX_ATTEMPTS_PER_ACCOUNT });
  keys.push({ kind: "network", key: await hashToken(`network:${network}`), limit: MAX_ATTEMPTS_PER_NETWORK });
  return keys;
}

/** The same query whether or not the account exists (it finds nothing for an unknown email). */
async function familiarNetwork(env: Env, email: string, ip: string): Promise<boolean> {
  const since = new Date(Date.now() - FAMILIAR_NETWORK_MS).toISOString();
  const row = await env.DB.prepare(
    "SELECT 1 AS found FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = ?1) AND ip = ?2 AND created_at > ?3 LIMIT 1",
  ).bind(email, ip.slice(0, 256), since).first();
  return row !== null;
}

/** `203.0.113.9` → itself; `2001:db8:1:2:aaaa::1` → `2001:db8:1:2::/64`; an IPv4-mapped IPv6 address → its IPv4. */
export function networkOf(ip: string): string {
  const address = ip.toLowerCase().split("%")[0] ?? "";
  if (!address.includes(":")) return address;
  if (address.includes(".")) return address.slice(address.lastIndexOf(":") + 1);
  const [left = "", right] = address.split("::", 2);
  const head = left === "" ? [] : left.split(":");
  const tail = right === undefined || right === "" ? [] : right.split(":");
  const groups = right === undefined ? head : [...head, ...Array<string>(Math.max(0, 8 - head.length - tail.length)).fill("0"), ...tail];
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
