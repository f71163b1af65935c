import type { ComponentChildren, InputHTMLAttributes } from "preact";
import { useId } from "preact/hooks";

/** A labelled control with its hint and problem wired up for screen readers (aria-describedby, aria-invalid). */
interface Frame {
  label: ComponentChildren;
  hint?: ComponentChildren;
  problem?: string | null | undefined;
}

function frame(id: string, f: Frame, control: ComponentChildren) {
  return (
    <div class="field">
      <label for={id}>{f.label}</label>
      {control}
      {f.hint !== undefined && <span class="hint" id={`${id}-hint`}>{f.hint}</span>}
      {f.problem !== null && f.problem !== undefined && (
        <span class="problem" id={`${id}-problem`}>
          {f.problem}
        </span>
      )}
    </div>
  );
}

function described(id: string, f: Frame): string | undefined {
  const ids = [f.hint !== undefined ? `${id}-hint` : "", f.problem ? `${id}-problem` : ""].filter(Boolean).join(" ");
  return ids === "" ? undefined : ids;
}

/** The attributes the dashboard's inputs use (preact's own types are a union too strict to pass through). */
interface InputExtras {
  readonly type?: "text" | "email" | "password" | "search" | "url" | "number" | "datetime-local";
  readonly required?: boolean;
  readonly disabled?: boolean;
  readonly autoComplete?: string;
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly inputMode?: "decimal" | "numeric" | "text";
  readonly placeholder?: string;
  readonly min?: number;
  readonly step?: number | "any";
  readonly rows?: number;
}

type InputProps = Frame & InputExtras & { value: string; onValue: (value: string) => void };

export function TextField({ label, hint, problem, value, onValue, ...rest }: InputProps) {
  const id = useId();
  const f = { label, hint, problem };
  // preact's input attributes are a union keyed by `type`; ours is one of the text-like types it accepts.
  const attrs = { ...rest, type: rest.type ?? "text" } as InputHTMLAttributes;
  return frame(
    id,
    f,
    <input id={id} {...attrs} value={value} onInput={(e) => { onValue(e.currentTarget.value); }} aria-invalid={problem ? "true" : undefined} aria-describedby={described(id, f)} />,
  );
}

type AreaProps = Frame & Omit<InputExtras, "type"> & { value: string; onValue: (value: string) => void };

export function TextArea({ label, hint, problem, value, onValue, ...rest }: AreaProps) {
  const id = useId();
  const f = { label, hint, problem };
  return frame(
    id,
    f,
    <textarea id={id} value={value} onInput={(e) => { onValue(e.currentTarget.value); }} aria-invalid={problem ? "true" : undefined} aria-describedby={described(id, f)} {...rest} />,
  );
}

type SelectProps = Frame & {
  value: string;
  onValue: (value: string) => void;
  options: readonly (readonly [string, string])[];
  disabled?: boolean;
  required?: boolean;
};

export function SelectField({ label, hint, problem, value, onValue, options, ...rest }: SelectProps) {
  const id = useId();
  const f = { label, hint, problem };
  return frame(
    id,
    f,
    <select id={id} value={value} onChange={(e) => { onValue(e.currentTarget.value); }} aria-invalid={problem ? "true" : undefined} aria-describedby={described(id, f)} {...rest}>
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </select>,
  );
}
