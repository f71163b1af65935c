import type { ButtonHTMLAttributes, ComponentChildren } from "preact";

type Props = Omit<ButtonHTMLAttributes, "class"> & {
  variant?: "primary" | "danger" | "ghost" | "plain";
  small?: boolean;
  busy?: boolean;
  /** False when the person's role or ownership does not allow the change: shown, but disabled with the reason. */
  allowed?: boolean;
  children: ComponentChildren;
};

export const NOT_ALLOWED = "Your role does not allow this change.";

export function Button({ variant = "plain", small = false, busy = false, allowed = true, disabled, title, type = "button", children, ...rest }: Props) {
  const cls = [variant === "plain" ? "" : variant, small ? "small" : ""].filter(Boolean).join(" ") || undefined;
  const off = disabled === true || busy || !allowed;
  return (
    <button type={type} class={cls} disabled={off} aria-busy={busy ? "true" : undefined} title={allowed ? title : NOT_ALLOWED} {...rest}>
      {busy ? "Working…" : children}
    </button>
  );
}
