import type { RiskLevel } from "../api/types";
import { formatUsd, usdToMicros } from "../format/money";
import { formatPercent } from "../format/numbers";

/** Shares of a budget (0–100 each, summing to at most 100): spent, reserved by calls in flight, leased out. */
export function budgetShares(budget: string, spent: string, reserved = "0", leased = "0"): { spent: number; reserved: number; leased: number } {
  const b = usdToMicros(budget) ?? 0;
  if (b <= 0) return { spent: (usdToMicros(spent) ?? 0) > 0 ? 100 : 0, reserved: 0, leased: 0 };
  const pct = (v: string) => Math.max(0, ((usdToMicros(v) ?? 0) / b) * 100);
  const s = Math.min(100, pct(spent));
  const r = Math.min(100 - s, pct(reserved));
  const l = Math.min(100 - s - r, pct(leased));
  return { spent: s, reserved: r, leased: l };
}

interface GaugeProps {
  readonly budget: string;
  readonly spent: string;
  readonly reserved?: string;
  readonly leased?: string;
  readonly risk: RiskLevel;
  readonly legend?: boolean;
}

/** A budget as one bar: spent, reserved and leased-out segments, the rest empty; coloured by risk. */
export function BudgetGauge({ budget, spent, reserved = "0", leased = "0", risk, legend = false }: GaugeProps) {
  const s = budgetShares(budget, spent, reserved, leased);
  const text = `${formatUsd(spent)} of ${formatUsd(budget)} spent (${formatPercent(s.spent)}), risk ${risk}`;
  return (
    <div>
      <div class={`gauge ${risk}`} role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(s.spent)} aria-valuetext={text} title={text}>
        <span class="spent" style={{ width: `${s.spent}%` }} />
        <span class="reserved" style={{ width: `${s.reserved}%` }} />
        <span class="leased" style={{ width: `${s.leased}%` }} />
      </div>
      {legend && (
        <div class="legend">
          <span><i style={{ background: "var(--accent)" }} />spent {formatUsd(spent)}</span>
          <span><i style={{ background: "#8e99d6" }} />reserved {formatUsd(reserved)}</span>
          <span><i style={{ background: "#c5cae9" }} />leased out {formatUsd(leased)}</span>
          <span><i style={{ background: "#eef0f4" }} />budget {formatUsd(budget)}</span>
        </div>
      )}
    </div>
  );
}

const RISK_COLOR: Readonly<Record<RiskLevel, string>> = {
  low: "var(--risk-low)",
  medium: "var(--risk-medium)",
  high: "var(--risk-high)",
  critical: "var(--risk-critical)",
  exhausted: "var(--risk-exhausted)",
};

/** A half-circle gauge of percent used, for an agent's detail page. */
export function RadialGauge({ percent, risk, label }: { percent: number; risk: RiskLevel; label: string }) {
  const p = Math.min(100, Math.max(0, percent));
  const r = 70;
  const angle = Math.PI * (1 - p / 100);
  const end = { x: 90 + r * Math.cos(angle), y: 90 - r * Math.sin(angle) };
  return (
    <svg viewBox="0 0 180 105" width="180" height="105" role="img" aria-label={`${label}: ${formatPercent(p)} used, risk ${risk}`}>
      <path d="M20,90 A70,70 0 0 1 160,90" fill="none" stroke="#eef0f4" stroke-width="16" stroke-linecap="round" />
      {p > 0 && <path d={`M20,90 A70,70 0 0 1 ${end.x.toFixed(2)},${end.y.toFixed(2)}`} fill="none" stroke={RISK_COLOR[risk]} stroke-width="16" stroke-linecap="round" />}
      <text x="90" y="82" text-anchor="middle" font-size="22" font-weight="650" fill="currentColor">
        {formatPercent(p)}
      </text>
      <text x="90" y="100" text-anchor="middle" font-size="11" fill="var(--muted)">
        used · {risk}
      </text>
    </svg>
  );
}
