import type { PolicyBody, SafetyAction } from "../../api/types";

/**
 * The policy editor's form ⇄ the API's policy document. "" means "not set here" (the level above decides);
 * models: "inherit" (not set), "any" (allow: null), or a list.
 */
export const DIRECTIONS = ["input", "output"] as const;
export const CATEGORIES = ["secrets", "pii", "injection"] as const;
export const ACTIONS: readonly SafetyAction[] = ["block", "redact", "warn", "log", "off"];

type Direction = (typeof DIRECTIONS)[number];
type Category = (typeof CATEGORIES)[number];
export type ActionCell = `${Direction}.${Category}`;

export interface PolicyForm {
  readonly actions: Readonly<Record<ActionCell, SafetyAction | "">>;
  readonly modelsMode: "inherit" | "any" | "list";
  readonly models: string;
}

const cells = (): Record<ActionCell, SafetyAction | ""> => ({ "input.secrets": "", "input.pii": "", "input.injection": "", "output.secrets": "", "output.pii": "", "output.injection": "" });

export function isAction(v: string): v is SafetyAction {
  return ACTIONS.some((a) => a === v);
}

export function formFromDocument(doc: PolicyBody | null): PolicyForm {
  const actions = cells();
  for (const d of DIRECTIONS) for (const c of CATEGORIES) actions[`${d}.${c}`] = doc?.safety?.[d]?.[c] ?? "";
  const allow = doc?.models?.allow;
  return { actions, modelsMode: doc?.models === undefined ? "inherit" : allow === null ? "any" : "list", models: (allow ?? []).join(", ") };
}

/** A form read back from a draft (sessionStorage): every cell a known action or "", a known models mode. */
export function cleanForm(value: { actions?: unknown; modelsMode?: unknown; models?: unknown }): PolicyForm {
  const actions = cells();
  const saved = typeof value.actions === "object" && value.actions !== null ? (value.actions as Record<string, unknown>) : {};
  for (const d of DIRECTIONS) {
    for (const c of CATEGORIES) {
      const v = saved[`${d}.${c}`];
      actions[`${d}.${c}`] = typeof v === "string" && isAction(v) ? v : "";
    }
  }
  const mode = value.modelsMode === "any" || value.modelsMode === "list" ? value.modelsMode : "inherit";
  return { actions, modelsMode: mode, models: typeof value.models === "string" ? value.models : "" };
}

export function documentFromForm(form: PolicyForm): PolicyBody {
  const safety: { input?: Partial<Record<Category, SafetyAction>>; output?: Partial<Record<Category, SafetyAction>> } = {};
  for (const d of DIRECTIONS) {
    for (const c of CATEGORIES) {
      const action = form.actions[`${d}.${c}`];
      if (action !== "") safety[d] = { ...safety[d], [c]: action };
    }
  }
  const doc: { safety?: typeof safety; models?: { allow: string[] | null } } = {};
  if (Object.keys(safety).length > 0) doc.safety = safety;
  if (form.modelsMode === "any") doc.models = { allow: null };
  if (form.modelsMode === "list") doc.models = { allow: [...new Set(form.models.split(/[\s,]+/).filter(Boolean))] };
  return doc;
}
