import { normalize } from "../normalize/normalize";
import type { Finding } from "../types";
import { secretDetectors } from "./index";

/** Runs every secret detector the way the pipeline will: keyword prefilter over the text and decoded spans. */
export function scanSecrets(original: string): Finding[] {
  const input = normalize(original);
  const hay = [input.text, ...input.decoded.map((d) => d.text)].join("\n").toLowerCase();
  return secretDetectors.flatMap((d) => (d.keywords && !d.keywords.some((k) => hay.includes(k)) ? [] : d.scan(input)));
}

/** Deterministic pseudo-random strings, so fake keys are built at run time and no key-shaped literal sits in the repo. */
export function randomFrom(alphabet: string, length: number, seed: number): string {
  let x = seed * 2654435761 + 1;
  let out = "";
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x ^ (x >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    out += alphabet[x % alphabet.length] ?? "a";
  }
  return out;
}

export const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const HEX = "0123456789abcdef";
