/** Test support for ledger.property.test.ts: the commands fast-check generates, and their arbitraries. */
import fc from "fast-check";

// ---- Commands ----
// Leases are `L<n>` (token hash `lt-L<n>`), reservations `r<n>`, usage events `e<n>`. "fresh" picks an unused
// number, "latest" the last lease opened / reservation made; small explicit numbers collide on purpose
// (duplicates, unknown ids). `again` replays the previous command exactly (a client retry).
export type Tok = "right" | "wrong";
export type Ref = number | "latest";
export type Who = { kind: "agent"; tok: Tok } | { kind: "lease"; ref: Ref; agentTok: Tok | "none" };
export type Cmd =
  | { c: "reserve"; rid: number | "fresh"; who: Who; inputMicros: number; price: number; requested: number | null; modelMax: number; min: number }
  | { c: "settle"; rid: Ref; frac: number; over: number; half: boolean }
  | { c: "open"; lid: number | "fresh"; who: Who; micros: number; ttl: number }
  | { c: "chain"; who: Who; n: number; micros: number; ttl: number }
  | { c: "refresh"; ref: Ref; add: number; ttl: number | null }
  | { c: "report"; ref: Ref; event: number; micros: number; half: boolean }
  | { c: "return"; ref: Ref }
  | { c: "advance"; ms: number; sweep: boolean }
  | { c: "configure"; budget: number | null; token: "tokA" | "tokB" | "none" | null; status: "active" | "suspended" | null }
  | { c: "again" };

export const T0 = 1_700_000_000_000;
export const TTL_MS = 60_000;
const int = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min, max });
const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>): fc.WeightedArbitrary<T> => ({ weight, arbitrary });
const money = fc.oneof(int(0, 2_000), int(0, 300_000), int(0, 3_000_000));
const tok = fc.constantFrom<Tok>("right", "right", "right", "right", "wrong");
const ref: fc.Arbitrary<Ref> = fc.oneof(w(4, fc.constant<Ref>("latest")), w(3, int(0, 3)), w(1, int(0, 23)));
const who: fc.Arbitrary<Who> = fc.oneof(
  w(3, fc.record({ kind: fc.constant("agent" as const), tok })),
  w(2, fc.record({ kind: fc.constant("lease" as const), ref, agentTok: fc.constantFrom<Tok | "none">("none", "none", "right", "wrong") })),
);
const ttl = fc.oneof(int(1_000, 30_000), int(30_000, 300_000));
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  w(6, fc.record({
    c: fc.constant("reserve" as const), rid: fc.oneof(w(3, fc.constant("fresh" as const)), w(1, int(0, 5))), who,
    inputMicros: fc.oneof(int(0, 500), int(0, 200_000)),
    price: fc.oneof(fc.constantFrom(0, 150_000, 600_000, 2_500_000, 10_000_000, 75_000_000), int(0, 100_000_000)),
    requested: fc.oneof(w(1, fc.constant(null)), w(2, int(0, 2_000)), w(1, int(0, 50_000))), modelMax: int(1, 200_000), min: int(0, 64),
  })),
  w(5, fc.record({ c: fc.constant("settle" as const), rid: fc.oneof(w(3, fc.constant<Ref>("latest")), w(2, int(0, 9))), frac: int(0, 1000), over: fc.oneof(w(4, fc.constant(0)), w(1, int(1, 500_000))), half: fc.boolean() })),
  w(3, fc.record({ c: fc.constant("open" as const), lid: fc.oneof(w(3, fc.constant("fresh" as const)), w(1, int(0, 5))), who, micros: money, ttl })),
  w(1, fc.record({ c: fc.constant("chain" as const), who, n: int(2, 20), micros: money, ttl })),
  w(2, fc.record({ c: fc.constant("refresh" as const), ref, add: fc.oneof(fc.constant(0), fc.constantFrom(1, 1_000, 100_000), money, int(-1000, 0)), ttl: fc.option(ttl, { nil: null }) })),
  w(3, fc.record({ c: fc.constant("report" as const), ref, event: int(0, 3), micros: money, half: fc.boolean() })),
  w(2, fc.record({ c: fc.constant("return" as const), ref })),
  w(3, fc.record({ c: fc.constant("advance" as const), ms: fc.oneof(int(0, 2_000), int(0, 120_000), int(3_600_000, 4_000_000)), sweep: fc.boolean() })),
  w(1, fc.record({
    c: fc.constant("configure" as const), budget: fc.option(money, { nil: null, freq: 3 }),
    token: fc.constantFrom<"tokA" | "tokB" | "none" | null>(null, null, null, "tokA", "tokB", "none"), status: fc.constantFrom<"active" | "suspended" | null>(null, null, null, null, "active", "suspended"),
  })),
  w(2, fc.constant({ c: "again" as const })),
);
export const scenario = fc.record({ budget: fc.oneof(w(1, int(0, 2_000)), w(3, int(0, 3_000_000))), cmds: fc.array(cmd, { maxLength: 60, size: "max" }) });
export type Scenario = { budget: number; cmds: Cmd[] };
