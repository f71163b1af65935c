import { describe, expect, it } from "vitest";
import { renderAuthRefusal, authRefuse } from "./auth-refusal";
import { isRole, lowerRole, roleAtLeast } from "./roles";

describe("roles", () => {
  it("rank admin > user > viewer", () => {
    expect(roleAtLeast("admin", "user")).toBe(true);
    expect(roleAtLeast("user", "user")).toBe(true);
    expect(roleAtLeast("viewer", "user")).toBe(false);
    expect(roleAtLeast("user", "admin")).toBe(false);
    expect(lowerRole("admin", "viewer")).toBe("viewer");
    expect(lowerRole("viewer", "admin")).toBe("viewer");
    expect(lowerRole("user", "admin")).toBe("user");
    expect([isRole("admin"), isRole("root"), isRole(undefined)]).toEqual([true, false, false]);
  });

  it("refusals render as the control API's error body, with retry-after when throttled", async () => {
    const response = renderAuthRefusal(authRefuse("TOO_MANY_ATTEMPTS", "Too many login attempts.", { retryAfterSeconds: 42 }));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("42");
    expect(await response.json()).toEqual({ error: { code: "TOO_MANY_ATTEMPTS", message: "Too many login attempts." } });
    const invalid = renderAuthRefusal(authRefuse("VALIDATION_ERROR", "bad", { fields: { email: "must be an email address" } }));
    expect(await invalid.json()).toEqual({ error: { code: "VALIDATION_ERROR", message: "bad", fields: { email: "must be an email address" } } });
    expect(renderAuthRefusal(authRefuse("INVALID_TOKEN", "x")).headers.get("www-authenticate")).toContain("Bearer");
  });
});
