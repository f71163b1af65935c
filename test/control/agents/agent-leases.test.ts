import { describe, expect, it } from "vitest";
import { controlJson, makePerson } from "../../helpers/control";
import { createTestAgent, settled } from "../../helpers/fixtures";
import { jsonPost } from "../../helpers/gateway";
import { budgetCall, openLease } from "../../helpers/leases";

interface LeaseJson { id: string; parent_id: string | null; granted_usd: string; spent_usd: string; reserved_usd: string; remaining_usd: string; expires_at: string | null }

describe("GET /agents/:id/leases", () => {
  it("lists the open leases with their parent, money and expiry, never a token; returned leases leave the list", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const admin = await makePerson("admin");
    const list = async (): Promise<LeaseJson[]> => {
      const res = await controlJson<{ data: LeaseJson[] }>("GET", `/agents/${agent.agentId}/leases`, { token: admin.token });
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain("icl_");
      return res.body.data;
    };
    expect(await list()).toEqual([]);
    const outer = await openLease(agent.token, 0.3, 600);
    const inner = await openLease(outer.lease_token, 0.1);
    const call = await jsonPost("/v1/chat/completions", inner.lease_token, { model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] });
    expect(call.status).toBe(200);
    await settled(agent.agentId);
    const leases = await list();
    expect(leases.map((l) => [l.id, l.parent_id, l.granted_usd])).toEqual([
      [inner.lease_id, outer.lease_id, "0.100000"],
      [outer.lease_id, null, "0.300000"],
    ]);
    const innerView = leases[0];
    expect(Number(innerView?.spent_usd)).toBeGreaterThan(0);
    expect(Number(innerView?.remaining_usd)).toBeCloseTo(0.1 - Number(innerView?.spent_usd), 6);
    // The outer lease has lent 0.1 to the inner one: 0.2 left to spend directly.
    expect(leases[1]?.remaining_usd).toBe("0.200000");
    expect(Date.parse(leases[1]?.expires_at ?? "") - Date.now()).toBeGreaterThan(500_000);
    await budgetCall("return", inner.lease_token);
    expect((await list()).map((l) => l.id)).toEqual([outer.lease_id]);
  });
});
