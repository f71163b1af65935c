import { fromBase64Url, toBase64Url } from "./base64url";
import type { MasterKey } from "./master-key";

/**
 * Envelope encryption of a provider key: a fresh AES-256-GCM data key per secret encrypts the secret;
 * the master key wraps the data key. Both layers carry additional data naming the row the secret
 * belongs to and the master key version, so a ciphertext copied to another row does not decrypt.
 */
export interface SealedSecret {
  ciphertext: string;
  iv: string;
  wrappedKey: string;
  wrapIv: string;
  keyVersion: number;
}

const IV_BYTES = 12;

function aad(rowId: string, version: number, layer: "data" | "wrap"): Uint8Array {
  return new TextEncoder().encode(`iron:provider-key:${layer}:${rowId}:v${version}`);
}

export async function seal(master: MasterKey, rowId: string, plaintext: string): Promise<SealedSecret> {
  const dataKeyRaw = crypto.getRandomValues(new Uint8Array(32));
  const dataKey = await crypto.subtle.importKey("raw", dataKeyRaw, { name: "AES-GCM" }, false, ["encrypt"]);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: aad(rowId, master.version, "data") },
    dataKey,
    new TextEncoder().encode(plaintext),
  );
  const wrapIv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const wrappedKey = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv: wrapIv, additionalData: aad(rowId, master.version, "wrap") },
    master.key,
    dataKeyRaw,
  );
  dataKeyRaw.fill(0);
  return {
    ciphertext: toBase64Url(new Uint8Array(ciphertext)),
    iv: toBase64Url(iv),
    wrappedKey: toBase64Url(new Uint8Array(wrappedKey)),
    wrapIv: toBase64Url(wrapIv),
    keyVersion: master.version,
  };
}

/** Decrypts a sealed secret; throws (a bug or tampering, never an expected refusal) when it does not authenticate. */
export async function open(master: MasterKey, rowId: string, sealed: SealedSecret): Promise<string> {
  if (sealed.keyVersion !== master.version) throw new Error("envelope: sealed with another master key version");
  const dataKeyRaw = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: fromBase64Url(sealed.wrapIv), additionalData: aad(rowId, sealed.keyVersion, "wrap") },
    master.key,
    fromBase64Url(sealed.wrappedKey),
  );
  const dataKey = await crypto.subtle.importKey("raw", dataKeyRaw, { name: "AES-GCM" }, false, ["decrypt"]);
  const plaintext = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: fromBase64Url(sealed.iv), additionalData: aad(rowId, sealed.keyVersion, "data") },
    dataKey,
    fromBase64Url(sealed.ciphertext),
  );
  return new TextDecoder().decode(plaintext);
}

/** A non-reversible fingerprint for display and audit: first 16 hex chars of SHA-256. */
export async function fingerprint(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret));
  return [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
