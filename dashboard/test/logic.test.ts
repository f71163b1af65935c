import { describe, expect, it } from "vitest";
import { ApiError } from "../../client/src/index";
import { normalizeApiUrl, resolveApiUrl } from "../src/api/config";
import { describeError, fieldProblem, isSessionOver } from "../src/api/errors";
import { forPeriod, intervalFor, periodQuery } from "../src/components/period-picker";
import { orderColumns, sortRows } from "../src/components/table";
import { parseModels } from "../src/pages/agents/create-agent";
import { createGenerations, describeTarget, lastSeq, mergeTail } from "../src/pages/audit/tail";
import { verifyChain } from "../src/pages/audit/verify";
import { parseLimit } from "../src/pages/limits/rate-limits-form";
import { safeNext } from "../src/pages/login";
import { ROUTES } from "../src/routes";
import { matchPath } from "../src/state/router";
import type { AuditRecord } from "../src/api/types";
import redirects from "../public/_redirects?raw";

describe("errors in words", () => {
  it("says each API code as a sentence, with the server's message, fields and request id", () => {
    const e = new ApiError({ status: 400, code: "VALIDATION_ERROR", message: "The request body is invalid.", fields: { name: "Required" }, requestId: "req_9" });
    expect(describeError(e)).toEqual({ code: "VALIDATION_ERROR", title: "Some fields need fixing.", detail: "The request body is invalid.", fields: { name: "Required" }, requestId: "req_9" });
    expect(fieldProblem(e, "name")).toBe("Required");
    expect(fieldProblem(e, "email")).toBeNull();
    expect(describeError(new ApiError({ status: 0, code: "NETWORK_ERROR", message: "cannot reach" })).title).toMatch(/Cannot reach the Iron server/);
    expect(describeError(new ApiError({ status: 418, code: "TEAPOT", message: "I am a teapot" })).title).toBe("I am a teapot");
    expect(describeError(new Error("boom"))).toMatchObject({ title: "Something went wrong.", detail: "boom" });
  });

  it("knows which refusals end the session", () => {
    expect(isSessionOver(new ApiError({ status: 401, code: "SESSION_REVOKED", message: "" }))).toBe(true);
    expect(isSessionOver(new ApiError({ status: 401, code: "TOKEN_EXPIRED", message: "" }))).toBe(true);
    expect(isSessionOver(new ApiError({ status: 401, code: "INVALID_CREDENTIALS", message: "" }))).toBe(false);
    expect(isSessionOver(new ApiError({ status: 403, code: "FORBIDDEN", message: "" }))).toBe(false);
  });
});

describe("form input", () => {
  it("reads rate limits, model lists and the return address after sign-in", () => {
    expect(parseLimit("")).toEqual({ ok: true, value: null });
    expect(parseLimit(" 60 ")).toEqual({ ok: true, value: 60 });
    expect(parseLimit("0")).toMatchObject({ ok: false });
    expect(parseLimit("1.5")).toMatchObject({ ok: false });
    expect(parseModels("")).toBeNull();
    expect(parseModels("gpt-4o-mini, gpt-4o  gpt-4o-mini")).toEqual(["gpt-4o-mini", "gpt-4o"]);
    expect(safeNext("/agents/agt_1?x=1")).toBe("/agents/agt_1?x=1");
    expect(safeNext("//evil.example")).toBe("/");
    expect(safeNext("https://evil.example")).toBe("/");
    expect(safeNext("/login?next=/x")).toBe("/");
    expect(safeNext(null)).toBe("/");
  });

  it("loads analytics only for a valid period (the picker shows the problem, once)", async () => {
    let calls = 0;
    const load = () => { calls += 1; return Promise.resolve("answer"); };
    expect(await forPeriod(periodQuery({ period: "custom", from: "", to: "" }), load)).toBeNull();
    expect(calls).toBe(0);
    expect(await forPeriod(periodQuery({ period: "today", from: "", to: "" }), load)).toBe("answer");
    expect(calls).toBe(1);
  });

  it("turns a period choice into an analytics query, or says what is wrong", () => {
    expect(periodQuery({ period: "last-7-days", from: "", to: "" })).toEqual({ query: { period: "last-7-days" } });
    expect(periodQuery({ period: "custom", from: "", to: "" })).toEqual({ problem: "Pick both a start and an end for a custom period." });
    expect(periodQuery({ period: "custom", from: "2026-11-02T00:00", to: "2026-11-01T00:00" })).toEqual({ problem: "The end must be after the start." });
    expect(periodQuery({ period: "custom", from: "2025-01-01T00:00", to: "2026-11-01T00:00" })).toEqual({ problem: "A custom period is at most 366 days." });
    expect(periodQuery({ period: "custom", from: "2026-11-01T00:00", to: "2026-11-02T00:00" })).toMatchObject({ query: { period: "custom" } });
    expect(intervalFor({ period: "today", from: "", to: "" })).toBe("hour");
    expect(intervalFor({ period: "last-30-days", from: "", to: "" })).toBe("day");
    expect(intervalFor({ period: "custom", from: "2026-11-01T00:00", to: "2026-11-02T00:00" })).toBe("hour");
  });

  it("finds the API server from config.json or the default; a ?api= link to another server waits for a yes", async () => {
    expect(normalizeApiUrl("https://iron.example.com/api/v1/")).toBe("https://iron.example.com");
    expect(normalizeApiUrl("ftp://x")).toBeNull();
    expect(normalizeApiUrl("not a url")).toBeNull();
    const config = () => Promise.resolve({ apiBaseUrl: "https://iron.example.com/" });
    expect(await resolveApiUrl("", config)).toEqual({ url: "https://iron.example.com", proposed: null });
    expect(await resolveApiUrl("", () => Promise.reject(new Error("404")))).toEqual({ url: "http://127.0.0.1:8787", proposed: null });
    // Another server: not used (nor remembered) until confirmed on the sign-in screen.
    expect(await resolveApiUrl("?api=https://evil.example", config)).toEqual({ url: "https://iron.example.com", proposed: "https://evil.example" });
    expect(await resolveApiUrl("?api=http://127.0.0.1:9000", () => Promise.resolve({}))).toEqual({ url: "http://127.0.0.1:8787", proposed: "http://127.0.0.1:9000" });
    // The deployment's own server, or a link that is not an address: nothing to ask.
    expect(await resolveApiUrl("?api=https://iron.example.com/api/v1", config)).toEqual({ url: "https://iron.example.com", proposed: null });
    expect(await resolveApiUrl("?api=javascript:alert(1)", config)).toEqual({ url: "https://iron.example.com", proposed: null });
  });
});

const record = (seq: number): AuditRecord => ({ seq, id: `aud_${seq}`, at: "2026-11-25T00:00:00Z", actor: { id: null, role: "system" }, action: "x.y", target: { type: "agent", id: `agt_${seq}` }, outcome: "ok", before: null, after: null, ip: null, request_id: null, prev_hash: "", hash: "" });

describe("tables, audit tail and chain checks", () => {
  it("sorts by a column either way, nulls last", () => {
    const rows = [{ n: 2 }, { n: null }, { n: 10 }];
    const col = { key: "n", label: "N", render: () => null, sort: (r: { n: number | null }) => r.n };
    expect(sortRows(rows, col, "ascending").map((r) => r.n)).toEqual([2, 10, null]);
    expect(sortRows(rows, col, "descending").map((r) => r.n)).toEqual([10, 2, null]);
  });

  it("puts a phone's key columns first, the rest after in their order", () => {
    const col = (key: string) => ({ key, label: key, render: () => null });
    const columns = ["seq", "at", "actor", "action", "target", "outcome", "details"].map(col);
    const keys = (cs: readonly { key: string }[]) => cs.map((c) => c.key);
    expect(keys(orderColumns(columns, ["action", "outcome", "target"], true))).toEqual(["action", "outcome", "target", "seq", "at", "actor", "details"]);
    expect(keys(orderColumns(columns, ["action", "outcome", "target"], false))).toEqual(keys(columns));
    expect(keys(orderColumns(columns, ["missing", "at"], true))).toEqual(["at", "seq", "actor", "action", "target", "outcome", "details"]);
  });

  it("ignores audit replies of an earlier filter: out-of-order pages and old tail polls", () => {
    const gens = createGenerations();
    const first = gens.next(); // filter A: first page on its way
    const tailA = gens.current(); // a tail poll under A
    const second = gens.next(); // filter B before A answered
    expect(first.signal.aborted).toBe(true);
    expect(tailA.signal.aborted).toBe(true);
    expect(gens.isCurrent(first.gen)).toBe(false); // A's page, arriving late, is dropped
    expect(gens.isCurrent(tailA.gen)).toBe(false); // so are A's tail rows
    expect(gens.isCurrent(second.gen)).toBe(true);
    const older = gens.current(); // "older records" under B add to B's list
    expect(older.gen).toBe(second.gen);
    expect(older.signal.aborted).toBe(false);
  });

  it("merges live records newest first, each once", () => {
    const merged = mergeTail([record(3), record(2)], [record(3), record(4), record(5)]);
    expect(merged.map((r) => r.seq)).toEqual([5, 4, 3, 2]);
    expect(lastSeq(merged)).toBe(5);
    expect(lastSeq([])).toBe(0);
    expect(mergeTail([], [record(1), record(2), record(3)], 2).map((r) => r.seq)).toEqual([3, 2]);
    expect(describeTarget(record(1))).toBe("agent agt_1");
  });

  it("verifies a long chain in checkpointed steps and stops at a break", async () => {
    const seen: (number | undefined)[] = [];
    const ok = await verifyChain((from) => {
      seen.push(from?.seq);
      const done = (from?.seq ?? 0) >= 10;
      return Promise.resolve({ ok: true, checked: 5, last_seq: (from?.seq ?? 0) + 5, last_hash: "h", complete: done });
    });
    expect(seen).toEqual([undefined, 5, 10]);
    expect(ok).toMatchObject({ ok: true, checked: 15 });
    const broken = await verifyChain(() => Promise.resolve({ ok: false, first_break: { seq: 7, reason: "hash mismatch" }, checked: 7 }));
    expect(broken).toMatchObject({ ok: false, first_break: { seq: 7 } });
  });
});

describe("routes", () => {
  it("match paths with parameters", () => {
    expect(matchPath("/agents/:id", "/agents/agt_1")).toEqual({ id: "agt_1" });
    expect(matchPath("/agents/:id", "/agents")).toBeNull();
    expect(matchPath("/", "/")).toEqual({});
  });

  it("are each answered by index.html on Cloudflare Pages (public/_redirects)", () => {
    const rules = redirects.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#")).map((l) => l.trim().split(/\s+/));
    for (const [, target, status] of rules) expect([target, status]).toEqual(["/index.html", "200"]);
    const sources = rules.map(([source]) => source);
    expect(sources).not.toContain("/*");
    for (const route of ROUTES.filter((r) => r.path !== "/")) expect(sources).toContain(route.path.replace(/\/:[a-z]+$/, "/*"));
    expect(sources).toContain("/login");
  });
});
