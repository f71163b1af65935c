import { describe, expect, it } from "vitest";
import { IsolateCache } from "./isolate-cache";

describe("isolate cache", () => {
  it("serves an entry for 5 s, then forgets it", () => {
    const cache = new IsolateCache<number>();
    cache.set("a", 1, 1_000);
    expect(cache.get("a", 5_999)).toBe(1);
    expect(cache.get("a", 6_000)).toBeUndefined();
  });

  it("stays bounded, dropping the oldest entry first", () => {
    const cache = new IsolateCache<number>();
    for (let i = 0; i < 1_001; i++) cache.set(`k${i}`, i, 0);
    expect(cache.get("k0", 1)).toBeUndefined();
    expect(cache.get("k1", 1)).toBe(1);
    expect(cache.get("k1000", 1)).toBe(1_000);
  });

  it("delete removes at once", () => {
    const cache = new IsolateCache<string>();
    cache.set("x", "y");
    cache.delete("x");
    expect(cache.get("x")).toBeUndefined();
  });
});
