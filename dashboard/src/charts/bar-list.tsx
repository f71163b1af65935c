import type { ComponentChildren } from "preact";

/** Horizontal bars for a breakdown (spend by agent, model, provider): name, bar to scale, formatted value. */
export interface BarRow {
  readonly key: string;
  readonly label: ComponentChildren;
  readonly value: number;
  readonly display: string;
}

export function BarList({ rows, label, max: fixedMax }: { rows: readonly BarRow[]; label: string; max?: number }) {
  const max = fixedMax ?? Math.max(0, ...rows.map((r) => r.value));
  if (rows.length === 0) return <div class="empty">No data for this period.</div>;
  return (
    <ul class="bars" aria-label={label}>
      {rows.map((r) => (
        <li key={r.key}>
          <span class="name">{r.label}</span>
          <span class="track" aria-hidden="true">
            <span class="fill" style={{ display: "block", width: `${max > 0 ? Math.max(1, (r.value / max) * 100) : 0}%` }} />
          </span>
          <span class="val">{r.display}</span>
        </li>
      ))}
    </ul>
  );
}
