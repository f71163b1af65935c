import { open } from "../crypto/envelope";
import type { MasterKey } from "../crypto/master-key";
import type { ProviderRow } from "../db/schema";

/** Decrypts a provider's key for one upstream call. The plaintext lives only in this call's memory. */
export function decryptProviderKey(master: MasterKey, provider: ProviderRow): Promise<string> {
  return open(master, provider.id, {
    ciphertext: provider.keyCiphertext,
    iv: provider.keyIv,
    wrappedKey: provider.keyWrapped,
    wrapIv: provider.keyWrapIv,
    keyVersion: provider.keyVersion,
  });
}
