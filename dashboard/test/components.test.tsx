import { render } from "preact-render-to-string";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "../../client/src/index";
import { BudgetGauge } from "../src/charts/gauge";
import { Button, NOT_ALLOWED } from "../src/components/button";
import { ErrorNote } from "../src/components/feedback";
import { TextField } from "../src/components/field";
import { SecretOnce } from "../src/components/secret";
import { DataTable } from "../src/components/table";
import { AgentToken } from "../src/pages/agents/agent-token";
import { loadDraft, saveDraft } from "../src/state/draft";
import { me } from "../src/state/me";
import type { AgentDetail } from "../src/api/types";

const agent: AgentDetail = {
  id: "agt_1", name: "bot", status: "active", owner_id: "usr_owner", project_id: null, provider_ids: [], allowed_models: null, budget_usd: "5.000000", created_at: "2026-11-25T00:00:00Z", updated_at: "2026-11-25T00:00:00Z",
  disconnect_policy: "drain", rate_limits: { requests_per_minute: null, tokens_per_minute: null, concurrent_requests: null }, spent_usd: "1.000000", reserved_usd: "0.000000", leased_out_usd: "0.000000", remaining_usd: "4.000000",
  percent_used: 20, risk_level: "low", open_leases: 0, open_reservations: 0, token_label: "ic_ab…", token_created_at: "2026-11-25T00:00:00Z",
};
const person = (id: string, role: "admin" | "user" | "viewer") => ({ id, email: `${id}@x`, role, status: "active" as const, created_at: "", updated_at: "", last_login_at: null, via: "session" as const, effective_role: role });

afterEach(() => {
  me.set(null);
});

describe("components", () => {
  it("show a control the role does not allow as disabled, with the reason", () => {
    const html = render(<Button allowed={false}>Delete</Button>);
    expect(html).toContain("disabled");
    expect(html).toContain(NOT_ALLOWED);
    expect(render(<Button>Delete</Button>)).not.toContain("disabled");
  });

  it("gate the agent token actions by role and ownership", () => {
    const buttons = (html: string) => [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((m) => ({ text: m[1], disabled: / disabled/.test(m[0]) }));
    me.set(person("usr_v", "viewer"));
    expect(buttons(render(<AgentToken agent={agent} onChanged={() => undefined} />)).filter((b) => !b.disabled)).toEqual([]);
    me.set(person("usr_other", "user"));
    expect(buttons(render(<AgentToken agent={agent} onChanged={() => undefined} />)).filter((b) => !b.disabled)).toEqual([]);
    me.set(person("usr_owner", "user"));
    expect(buttons(render(<AgentToken agent={agent} onChanged={() => undefined} />)).filter((b) => !b.disabled).map((b) => b.text)).toEqual(["Regenerate token", "Revoke token"]);
  });

  it("label inputs and tie their hint and problem to them", () => {
    const html = render(<TextField label="Budget (USD)" value="x" onValue={() => undefined} hint="In dollars" problem="Enter an amount" />);
    expect(html).toMatch(/<label for="([^"]+)">Budget \(USD\)<\/label><input id="\1"/);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toMatch(/aria-describedby="[^"]+-hint [^"]+-problem"/);
  });

  it("show an API error in words with its fields and request id", () => {
    const html = render(<ErrorNote error={new ApiError({ status: 409, code: "EMAIL_TAKEN", message: "A user with this email exists.", requestId: "req_42", fields: { email: "taken" } })} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain("A user with this email already exists.");
    expect(html).toContain("req_42");
    expect(html).toContain("<code>email</code>: taken");
  });

  it("show a secret once with a copy button, and a budget as a labelled meter", () => {
    const secret = render(<SecretOnce title="Agent token" secret="ic_secret" onDone={() => undefined} />);
    expect(secret).toContain("ic_secret");
    expect(secret).toContain("Copy");
    const gauge = render(<BudgetGauge budget="5.000000" spent="1.000000" risk="low" />);
    expect(gauge).toContain('role="meter"');
    expect(gauge).toContain('aria-valuenow="20"');
    expect(gauge).toContain("$1.00 of $5.00 spent (20%)");
  });

  it("render sortable headers and an empty state", () => {
    const cols = [{ key: "n", label: "Name", render: (r: { n: string }) => r.n, sort: (r: { n: string }) => r.n }];
    const html = render(<DataTable rows={[{ n: "b" }, { n: "a" }]} columns={cols} rowKey={(r) => r.n} caption="Things" initialSort={{ key: "n", dir: "ascending" }} />);
    expect(html).toContain('aria-sort="ascending"');
    expect(html.indexOf(">a<")).toBeLessThan(html.indexOf(">b<"));
    expect(render(<DataTable rows={[]} columns={cols} rowKey={(r) => r.n} caption="Things" empty="Nothing yet" />)).toContain("Nothing yet");
  });
});

describe("drafts", () => {
  it("keep typed form input in sessionStorage, ignoring stale or foreign fields", () => {
    const store = new Map<string, string>();
    const fake = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) };
    Object.defineProperty(globalThis, "sessionStorage", { value: fake, configurable: true });
    try {
      saveDraft("form", { name: "kept", amount: 5, extra: "x" });
      expect(loadDraft("form", { name: "", amount: "" })).toEqual({ name: "kept", amount: "" });
      saveDraft("form", null);
      expect(loadDraft("form", { name: "new" })).toEqual({ name: "new" });
    } finally {
      Reflect.deleteProperty(globalThis, "sessionStorage");
    }
  });
});
