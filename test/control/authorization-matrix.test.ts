import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { controlRegistry } from "../../src/control/api/registry";
import { createSession } from "../../src/control/auth/create-session";
import { expectValue } from "../../src/control/auth/test-support";
import type { ControlRoute } from "../../src/control/openapi/route";
import { auditRowsOf, controlFetch, makeWorld, type Person, type World } from "../helpers/control";
import { CALLERS, expectation, WHOSE, type Caller } from "./matrix/expectation";
import { areas } from "./matrix/index";
import type { MatrixCase, MatrixRequest } from "./matrix/types";

/*
 * The authorization matrix, generated from the route table: every route × every caller × {own, other} object.
 * The expected answer of each cell is derived from the route's declared role and its case's ownership rule
 * (matrix/expectation.ts); each case only knows how to build a valid request. Every mutation call, allowed or
 * refused, must leave exactly one audit record (success: the route's action, outcome ok).
 */
const routes = controlRegistry().routes();
const cases = new Map<string, MatrixCase>();
const duplicates: string[] = [];
for (const area of Object.values(areas)) {
  for (const [operationId, matrixCase] of Object.entries(area)) {
    if (cases.has(operationId)) duplicates.push(operationId);
    cases.set(operationId, matrixCase);
  }
}

let world: World;
beforeAll(async () => {
  world = await makeWorld();
}, 60_000);

describe("the authorization matrix covers the route table", () => {
  it("has exactly one case per route", () => {
    expect(duplicates).toEqual([]);
    expect(routes.filter((route) => !cases.has(route.operationId)).map((route) => route.operationId)).toEqual([]);
    expect([...cases.keys()].filter((id) => !routes.some((route) => route.operationId === id))).toEqual([]);
  });
});

describe.each(routes.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))("%s", (_name, route) => {
  it.each(WHOSE.map((whose) => [whose] as const))("every caller on the %s object", async (whose) => {
    const matrixCase = cases.get(route.operationId);
    if (matrixCase === undefined) throw new Error(`no matrix case for ${route.operationId}`);
    let shared: MatrixRequest | null = null;
    for (const caller of CALLERS) {
      const expected = expectation(route, matrixCase.access, caller, whose);
      if (expected === null) continue;
      const person = personOf(caller);
      // Allowed calls may change or delete their target: each gets fresh objects. Refused ones share one request.
      const request = expected.kind === "success" ? await matrixCase.prepare(world, whose, person) : (shared ??= await matrixCase.prepare(world, whose, person));
      const response = await controlFetch(route.method.toUpperCase(), request.path, { token: await tokenOf(caller), body: request.body });
      const cell = `${caller} on ${whose}: ${route.method.toUpperCase()} ${request.path}`;
      const text = await response.text();
      if (expected.kind === "success") {
        expect(response.status, `${cell} → ${text}`).toBe(route.status);
      } else {
        expect([response.status, codeOf(text)], cell).toEqual([expected.status, expected.code]);
      }
      await expectAudit(route, response, expected.kind === "success", cell);
    }
  });
});

async function expectAudit(route: ControlRoute, response: Response, succeeded: boolean, cell: string): Promise<void> {
  const rows = await auditRowsOf(response);
  if (!succeeded) {
    // Denied and failed calls are audited too, reads included (401, 403, and 404 on someone else's object).
    expect(rows.map((row) => row.outcome), `${cell}: one denied/failed record`).toHaveLength(1);
    expect(rows[0]?.outcome, cell).toMatch(/^(denied|failed)$/);
  } else if (route.audit !== null) {
    expect(rows.map((row) => [row.action, row.outcome]), `${cell}: exactly one record of the change`).toEqual([[route.audit, "ok"]]);
  } else {
    expect(rows, `${cell}: a read writes no audit record`).toEqual([]);
  }
}

function personOf(caller: Caller): Person | null {
  switch (caller) {
    case "admin":
      return world.admin;
    case "owner":
      return world.owner;
    case "other":
      return world.other;
    case "viewer":
      return world.viewer;
    default:
      return null;
  }
}

/** A fresh session per call, at the user's current session version (a cell may end the caller's other sessions). */
async function tokenOf(caller: Caller): Promise<string | null> {
  const person = personOf(caller);
  if (person !== null) {
    const row = await env.DB.prepare("SELECT role, session_version FROM users WHERE id = ?").bind(person.id).first<{ role: Person["role"]; session_version: number }>();
    if (row === null) throw new Error(`matrix user ${caller} is gone`);
    return expectValue(await createSession(env, { id: person.id, role: row.role, sessionVersion: row.session_version })).accessToken;
  }
  if (caller === "agent_token") return world.agentToken;
  if (caller === "expired_token") return world.expiredToken;
  if (caller === "revoked_session") return world.revokedToken;
  return null;
}

function codeOf(text: string): string | null {
  try {
    return (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    return null;
  }
}

