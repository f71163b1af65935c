import type { ComponentChildren } from "preact";
import { describeError } from "../api/errors";

/** An API error in words: the sentence for its code, the server's message, each field problem, the request id. */
export function ErrorNote({ error, title }: { error: unknown; title?: string }) {
  if (error === null || error === undefined) return null;
  const view = describeError(error);
  const fields = Object.entries(view.fields);
  const heading = title ?? view.title;
  return (
    <div class="notice error" role="alert" data-code={view.code}>
      <strong>{heading}</strong>
      {view.detail !== null && view.detail !== heading && <div>{view.detail}</div>}
      {fields.length > 0 && (
        <ul>
          {fields.map(([name, problem]) => (
            <li key={name}>
              <code>{name}</code>: {problem}
            </li>
          ))}
        </ul>
      )}
      {view.requestId !== null && <span class="rid">Request {view.requestId}</span>}
    </div>
  );
}

export function Loading({ what = "Loading" }: { what?: string }) {
  return (
    <div class="loading" role="status" aria-live="polite">
      {what}…
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>;
}

export function Notice({ kind = "info", children }: { kind?: "info" | "ok" | "warn" | "error"; children: ComponentChildren }) {
  return (
    <div class={`notice ${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

/** Loading / error / empty / content, in that order, for a screen's query. */
export function QueryView<T>(props: { query: { data: T | undefined; error: unknown; loading: boolean }; empty?: (data: T) => boolean; emptyText?: ComponentChildren; children: (data: T) => ComponentChildren }) {
  const { data, error, loading } = props.query;
  if (data === undefined) {
    if (error !== null && error !== undefined) return <ErrorNote error={error} />;
    return loading ? <Loading /> : null;
  }
  return (
    <>
      {error !== null && error !== undefined && <ErrorNote error={error} />}
      {props.empty?.(data) === true ? <Empty>{props.emptyText ?? "Nothing here yet."}</Empty> : props.children(data)}
    </>
  );
}
