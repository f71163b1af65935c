import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef } from "preact/hooks";

/**
 * A modal on the native <dialog>: focus moves into it and is trapped by the browser, Escape closes it, and focus
 * returns to the control that opened it.
 */
export function Dialog(props: { open: boolean; title: ComponentChildren; onClose: () => void; children: ComponentChildren; footer?: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const el = ref.current;
    if (el === null) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (props.open && !el.open) el.showModal();
    if (!props.open && el.open) el.close();
    return () => {
      if (props.open) opener?.focus();
    };
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      {props.open && (
        <>
          <div class="dialog-body">
            <h2 id={titleId}>{props.title}</h2>
            {props.children}
          </div>
          {props.footer !== undefined && <div class="dialog-foot">{props.footer}</div>}
        </>
      )}
    </dialog>
  );
}

/** "Are you sure?" for a change that cannot be taken back; the error of a failed attempt stays inside. */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      open={props.open}
      title={props.title}
      onClose={props.onCancel}
      footer={
        <>
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="button" class={props.danger === true ? "danger" : "primary"} disabled={props.busy === true} onClick={props.onConfirm}>
            {props.busy === true ? "Working…" : props.confirmLabel}
          </button>
        </>
      }
    >
      {props.children}
    </Dialog>
  );
}
