import { describe, expect, it } from "vitest";
import { cleanForm, documentFromForm, formFromDocument } from "../src/pages/policies/policy-form";

describe("the policy editor's form", () => {
  it("reads a draft back safely: unknown actions and modes fall back to 'not set'", () => {
    const form = cleanForm({ actions: { "input.pii": "redact", "output.secrets": "explode", extra: "block" }, modelsMode: "sometimes", models: 3 });
    expect(form.actions["input.pii"]).toBe("redact");
    expect(form.actions["output.secrets"]).toBe("");
    expect(Object.keys(form.actions)).not.toContain("extra");
    expect(form).toMatchObject({ modelsMode: "inherit", models: "" });
    expect(cleanForm({ actions: null, modelsMode: "list", models: "gpt-4o" })).toMatchObject({ modelsMode: "list", models: "gpt-4o" });
  });

  it("shows an empty policy as 'inherit' everywhere and saves it as an empty document", () => {
    const form = formFromDocument(null);
    expect(Object.values(form.actions).every((a) => a === "")).toBe(true);
    expect(form.modelsMode).toBe("inherit");
    expect(documentFromForm(form)).toEqual({});
  });

  it("round-trips actions and model lists", () => {
    const doc = { safety: { input: { secrets: "block" as const, pii: "redact" as const }, output: { injection: "warn" as const } }, models: { allow: ["gpt-4o-mini", "claude-3-5-haiku-latest"] } };
    const form = formFromDocument(doc);
    expect(form.actions["input.pii"]).toBe("redact");
    expect(form.actions["output.secrets"]).toBe("");
    expect(form.models).toBe("gpt-4o-mini, claude-3-5-haiku-latest");
    expect(documentFromForm(form)).toEqual(doc);
  });

  it("tells 'no restriction' (allow: null) from 'not set', and cleans model lists", () => {
    expect(formFromDocument({ models: { allow: null } }).modelsMode).toBe("any");
    expect(documentFromForm({ ...formFromDocument(null), modelsMode: "any" })).toEqual({ models: { allow: null } });
    expect(documentFromForm({ ...formFromDocument(null), modelsMode: "list", models: "a, b,,a  c" })).toEqual({ models: { allow: ["a", "b", "c"] } });
  });
});
