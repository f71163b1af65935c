import { describe, expect, it } from "vitest";
import { OPERATIONS, type OperationId } from "../../client/src/index";
import { canChangeAgent, gateFor, isWrite, roleAllows } from "../src/auth/roles";
import { opMeta } from "../src/auth/use-gate";

const ALL = Object.keys(OPERATIONS) as OperationId[];
const writes = ALL.filter((op) => isWrite(opMeta(op)) && opMeta(op).role !== "public");

describe("role gating", () => {
  it("gives a viewer no write operation at all, and every read", () => {
    const viewer = gateFor("viewer", "usr_v", opMeta);
    expect(writes.length).toBeGreaterThan(30);
    expect(writes.filter((op) => viewer(op))).toEqual([]);
    expect(viewer("listAgents")).toBe(true);
    expect(viewer("listAuditRecords")).toBe(true);
    expect(viewer("verifyAuditChain")).toBe(false);
    expect(viewer("listUsers")).toBe(false);
  });

  it("lets a user change what they own and nothing reserved to admins", () => {
    const user = gateFor("user", "usr_u", opMeta);
    expect(user("createAgent")).toBe(true);
    expect(user("createBudgetRequest")).toBe(true);
    expect(user("suspendAgent", { owner_id: "usr_u" })).toBe(true);
    expect(user("suspendAgent", { owner_id: "usr_other" })).toBe(false);
    expect(user("activateAgent", { owner_id: "usr_u" })).toBe(false);
    expect(user("setAgentBudget")).toBe(false);
    expect(user("approveBudgetRequest")).toBe(false);
    expect(user("createProvider")).toBe(false);
    expect(user("createUser")).toBe(false);
  });

  it("lets an admin do everything on anyone's objects", () => {
    const admin = gateFor("admin", "usr_a", opMeta);
    expect(writes.filter((op) => !admin(op, { owner_id: "usr_other" }))).toEqual([]);
  });

  it("offers nothing to someone signed out but the public operations", () => {
    expect(roleAllows(null, opMeta("login"))).toBe(true);
    expect(roleAllows(null, opMeta("getMe"))).toBe(false);
    expect(canChangeAgent("viewer", "usr_v", { owner_id: "usr_v" })).toBe(false);
    expect(canChangeAgent("user", null, { owner_id: null })).toBe(false);
  });
});
