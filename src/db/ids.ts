import { bytesToBase62 } from "../tokens/base62";

/** Type-prefixed random ids (`agt_…`, `prov_…`, `req_…`): 16 random bytes, base62. */
export function newId(prefix: "agt" | "prov" | "atk" | "req" | "lse" | "prj" | "pol"): string {
  return `${prefix}_${bytesToBase62(crypto.getRandomValues(new Uint8Array(16)))}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
