import { useState } from "preact/hooks";

/** Copies text to the clipboard; says whether it worked (the clipboard API can be refused). */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <>
      <button type="button" class="small" data-read onClick={() => void copy()}>
        {state === "copied" ? "Copied" : label}
      </button>
      <span class="visually-hidden" role="status" aria-live="polite">
        {state === "copied" ? "Copied to the clipboard" : state === "failed" ? "Copy failed: select the text and copy it" : ""}
      </span>
    </>
  );
}

/**
 * A secret the server returns exactly once (agent token, API token, generated password): shown with a copy
 * button and a warning, and gone for good when dismissed. It never goes into storage or a draft.
 */
export function SecretOnce(props: { title: string; secret: string; note?: string; onDone: () => void }) {
  return (
    <div class="notice warn" data-testid="secret-once">
      <strong>{props.title}</strong>
      <p style={{ margin: "0.35rem 0" }}>{props.note ?? "Copy it now: it is shown only this once and cannot be retrieved later."}</p>
      <div class="secret" data-testid="secret-value">
        {props.secret}
      </div>
      <div class="actions">
        <CopyButton text={props.secret} />
        <button type="button" class="small" data-read onClick={props.onDone}>
          I have copied it
        </button>
      </div>
    </div>
  );
}
