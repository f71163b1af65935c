import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { call, USER_CHANGED } from "../src/api/api";
import { adoptSession, clearSession, saveSession, session, sessionFrom } from "../src/api/session";
import type { SessionAnswer } from "../src/api/types";
import { clearDrafts, loadDraft, saveDraft } from "../src/state/draft";
import { nameCache } from "../src/state/name-cache";

/** Web Storage with its items as own properties (Object.keys lists them, as in browsers). */
class FakeStorage {
  [key: string]: unknown;
  getItem(key: string): string | null {
    const value = Object.hasOwn(this, key) ? this[key] : null;
    return typeof value === "string" ? value : null;
  }
  setItem(key: string, value: string): void {
    this[key] = value;
  }
  removeItem(key: string): void {
    Reflect.deleteProperty(this, key);
  }
}

const answer = (userId: string, refresh = `irt_${userId}`): SessionAnswer => ({
  access_token: `at_${userId}`,
  access_token_expires_at: new Date(Date.now() + 600_000).toISOString(),
  refresh_token: refresh,
  refresh_token_expires_at: new Date(Date.now() + 86_400_000).toISOString(),
  token_type: "Bearer",
  user: { id: userId, email: `${userId}@x`, role: userId === "usr_admin" ? "admin" : "user" },
});

const cached = () => { nameCache.set("agents", { at: Date.now(), owner: session.get()?.user.id ?? null, names: Promise.resolve(new Map([["agt_1", "secret-agent"]])) }); };
const draft = () => loadDraft("budget-request", { justification: "" }).justification;

beforeEach(() => {
  vi.stubGlobal("localStorage", new FakeStorage());
  vi.stubGlobal("sessionStorage", new FakeStorage());
});

afterEach(() => {
  clearSession(null);
  clearDrafts();
  nameCache.clear();
  vi.unstubAllGlobals();
});

describe("a change of the signed-in person", () => {
  it("empties the name cache when the session ends or another person signs in", () => {
    saveSession(answer("usr_admin"));
    cached();
    saveSession(answer("usr_admin", "irt_rotated"));
    expect(nameCache.size).toBe(1); // a rotation of the same person's session keeps it
    clearSession("Your session has expired.");
    expect(nameCache.size).toBe(0);
    saveSession(answer("usr_admin"));
    cached();
    saveSession(answer("usr_dev"));
    expect(nameCache.size).toBe(0);
  });

  it("keeps drafts for the same person after an expiry, drops them when someone else signs in", () => {
    saveSession(answer("usr_dev"));
    saveDraft("budget-request", { justification: "typed by dev" });
    clearSession("Your session has expired.");
    saveSession(answer("usr_dev"));
    expect(draft()).toBe("typed by dev");
    clearSession("Your session has expired.");
    saveSession(answer("usr_admin"));
    expect(draft()).toBe("");
  });

  it("drops names and drafts when another tab's session of another person is adopted", () => {
    saveSession(answer("usr_admin"));
    cached();
    saveDraft("budget-request", { justification: "typed by admin" });
    adoptSession(sessionFrom(answer("usr_dev")));
    expect(session.get()?.user.id).toBe("usr_dev");
    expect(nameCache.size).toBe(0);
    expect(draft()).toBe("");
  });

  it("never sends a call made for one person with another person's session from another tab", async () => {
    saveSession(answer("usr_admin"));
    // This tab's access token is about to expire; another tab has meanwhile signed in as someone else.
    const mine = session.get();
    if (mine === null) throw new Error("signed in above");
    session.set({ ...mine, accessExpiresAt: Date.now() });
    localStorage.setItem("iron.session", JSON.stringify(sessionFrom(answer("usr_dev"))));
    const fetch = vi.fn(() => Promise.reject(new Error("no network in tests")));
    vi.stubGlobal("fetch", fetch);
    await expect(call("listAgents", { query: { limit: 1 } })).rejects.toMatchObject({ code: USER_CHANGED });
    expect(fetch).not.toHaveBeenCalled();
    expect(session.get()?.user.id).toBe("usr_dev"); // the tab follows; app.tsx reloads `me` for them
  });
});
