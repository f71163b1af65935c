import { useState } from "preact/hooks";
import { formatBucket } from "../format/dates";
import { labelIndexes, linearScale, niceTicks } from "./scale";
import { useWidth } from "./use-width";

/** One series over time as an area chart: y ticks, time labels, a crosshair that follows pointer and arrow keys. */
export interface TimePointValue {
  readonly t: number;
  readonly v: number;
}

interface Props {
  readonly points: readonly TimePointValue[];
  readonly interval: "hour" | "day";
  readonly format: (v: number) => string;
  readonly label: string;
  readonly height?: number;
}

const PAD = { top: 10, right: 12, bottom: 26, left: 58 };

export function TimeChart({ points, interval, format, label, height = 220 }: Props) {
  const [ref, width] = useWidth();
  const [active, setActive] = useState<number | null>(null);
  const max = Math.max(0, ...points.map((p) => p.v));
  const ticks = niceTicks(0, max === 0 ? 1 : max, 4);
  const top = ticks[ticks.length - 1] ?? 1;
  const x = linearScale(0, Math.max(1, points.length - 1), PAD.left, width - PAD.right);
  const y = linearScale(0, top, height - PAD.bottom, PAD.top);
  const line = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.v).toFixed(1)}`).join("");
  const area = points.length > 0 ? `${line}L${x(points.length - 1).toFixed(1)},${y(0)}L${x(0).toFixed(1)},${y(0)}Z` : "";
  const labels = labelIndexes(points.length, Math.max(2, Math.floor(width / 90)));
  const total = points.reduce((s, p) => s + p.v, 0);
  const current = active === null ? null : points[active];
  const pick = (clientX: number, rect: DOMRect) => {
    const i = Math.round(((clientX - rect.left - PAD.left) / Math.max(1, width - PAD.left - PAD.right)) * (points.length - 1));
    setActive(Math.min(points.length - 1, Math.max(0, i)));
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    e.preventDefault();
    const step = e.key === "ArrowLeft" ? -1 : 1;
    setActive((i) => Math.min(points.length - 1, Math.max(0, (i ?? (step > 0 ? -1 : points.length)) + step)));
  };
  return (
    <div ref={ref}>
      <svg
        class="chart"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${label}: ${format(total)} in total, highest ${format(max)}. Use the arrow keys to read each point.`}
        tabIndex={0}
        data-read
        onPointerMove={(e) => { pick(e.clientX, e.currentTarget.getBoundingClientRect()); }}
        onPointerLeave={() => { setActive(null); }}
        onKeyDown={onKey}
        onBlur={() => { setActive(null); }}
      >
        <g class="grid axis">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={PAD.left} x2={width - PAD.right} y1={y(t)} y2={y(t)} />
              <text x={PAD.left - 6} y={y(t) + 4} text-anchor="end">
                {format(t)}
              </text>
            </g>
          ))}
        </g>
        <g class="axis">
          {labels.map((i) => {
            const p = points[i];
            return p === undefined ? null : (
              <text key={i} x={x(i)} y={height - 8} text-anchor={i === 0 ? "start" : i === points.length - 1 ? "end" : "middle"}>
                {formatBucket(p.t, interval)}
              </text>
            );
          })}
        </g>
        {points.length > 0 && <path class="area" d={area} />}
        {points.length > 0 && <path class="line" d={line} />}
        {points.length === 1 && <circle class="dot" cx={x(0)} cy={y(points[0]?.v ?? 0)} r={4} />}
        {current !== null && current !== undefined && active !== null && (
          <g>
            <line class="hover-line" x1={x(active)} x2={x(active)} y1={PAD.top} y2={height - PAD.bottom} />
            <circle class="dot" cx={x(active)} cy={y(current.v)} r={4} />
          </g>
        )}
      </svg>
      <div class="chart-tip" aria-live="polite">
        {current !== null && current !== undefined ? `${formatBucket(current.t, interval)}${interval === "day" ? "" : ` ${new Date(current.t).toLocaleDateString()}`}: ${format(current.v)}` : `Total ${format(total)}`}
      </div>
    </div>
  );
}
