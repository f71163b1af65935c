import { describe, expect, it } from "vitest";
import { fingerprint, open, seal } from "./envelope";
import { loadMasterKey } from "./master-key";

const MASTER = { IRON_MASTER_KEY: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", IRON_MASTER_KEY_VERSION: "1" };

describe("provider key envelope encryption", () => {
  it("round-trips, and the ciphertext does not contain the key", async () => {
    const master = await loadMasterKey(MASTER);
    if (master === null) throw new Error("master key rejected");
    const sealed = await seal(master, "prov_1", "sk-secret-value-1234");
    expect(JSON.stringify(sealed)).not.toContain("sk-secret");
    expect(sealed.keyVersion).toBe(1);
    expect(await open(master, "prov_1", sealed)).toBe("sk-secret-value-1234");
  });

  it("is bound to its row and authenticated: moved or tampered ciphertexts do not decrypt", async () => {
    const master = await loadMasterKey(MASTER);
    if (master === null) throw new Error("master key rejected");
    const sealed = await seal(master, "prov_1", "sk-secret-value-1234");
    await expect(open(master, "prov_2", sealed)).rejects.toThrow();
    const flipped = sealed.ciphertext.startsWith("A") ? `B${sealed.ciphertext.slice(1)}` : `A${sealed.ciphertext.slice(1)}`;
    await expect(open(master, "prov_1", { ...sealed, ciphertext: flipped })).rejects.toThrow();
    const other = await loadMasterKey({ ...MASTER, IRON_MASTER_KEY: "HwAeHRwbGhkYFxYVFBMSERAPDg0MCwoJCAcGBQQDAgE" });
    if (other === null) throw new Error("master key rejected");
    await expect(open(other, "prov_1", sealed)).rejects.toThrow();
  });

  it("refuses missing or malformed master keys", async () => {
    expect(await loadMasterKey({ IRON_MASTER_KEY: "", IRON_MASTER_KEY_VERSION: "1" })).toBeNull();
    expect(await loadMasterKey({ IRON_MASTER_KEY: "short", IRON_MASTER_KEY_VERSION: "1" })).toBeNull();
    expect(await loadMasterKey({ ...MASTER, IRON_MASTER_KEY_VERSION: "zero" })).toBeNull();
  });

  it("fingerprints are stable and do not reveal the key", async () => {
    expect(await fingerprint("sk-abc")).toBe(await fingerprint("sk-abc"));
    expect(await fingerprint("sk-abc")).not.toBe(await fingerprint("sk-abd"));
    expect(await fingerprint("sk-abc")).toMatch(/^[0-9a-f]{16}$/);
  });
});
