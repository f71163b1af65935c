import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";

export function PageHeader(props: { title: string; lead?: ComponentChildren; children?: ComponentChildren }) {
  useEffect(() => {
    document.title = `${props.title} · Iron Runtime`;
  }, [props.title]);
  return (
    <header class="page-header">
      <div>
        <h1 id="page-title" tabIndex={-1}>
          {props.title}
        </h1>
        {props.lead !== undefined && <p>{props.lead}</p>}
      </div>
      {props.children !== undefined && <div class="row">{props.children}</div>}
    </header>
  );
}

export function Panel(props: { title?: ComponentChildren; aside?: ComponentChildren; children: ComponentChildren; id?: string }) {
  return (
    <section class="panel" id={props.id} aria-label={typeof props.title === "string" ? props.title : undefined}>
      {(props.title !== undefined || props.aside !== undefined) && (
        <div class="panel-head">
          {props.title !== undefined && <h2>{props.title}</h2>}
          {props.aside}
        </div>
      )}
      {props.children}
    </section>
  );
}

export function StatCard(props: { label: string; value: ComponentChildren; sub?: ComponentChildren; testId?: string }) {
  return (
    <div class="card" data-testid={props.testId}>
      <div class="label">{props.label}</div>
      <div class="value">{props.value}</div>
      {props.sub !== undefined && <div class="sub">{props.sub}</div>}
    </div>
  );
}
